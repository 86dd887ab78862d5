package io.frameflow.common;

import io.frameflow.common.serde.AnnotatedFrameTypeInfoFactory;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * A decoded frame together with its result, for sinks that draw results onto pictures (the
 * annotated-video sink). It never crosses the network: it is built and consumed inside the task
 * that decoded the frame, passed by reference, like the frame itself.
 *
 * @param frame the decoded picture (source-frame pixels, before any restoration)
 * @param result what the model stages found in it, with track ids where a tracker ran
 */
@TypeInfo(AnnotatedFrameTypeInfoFactory.class)
public record AnnotatedFrame(VideoFrame frame, FrameResult result) {
    public AnnotatedFrame {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(result, "result");
        if (!frame.streamId().equals(result.streamId()) || frame.seq() != result.seq()) {
            throw new IllegalArgumentException(
                    "result of stream '"
                            + result.streamId()
                            + "' frame "
                            + result.seq()
                            + " does not belong to frame "
                            + frame.seq()
                            + " of stream '"
                            + frame.streamId()
                            + "'");
        }
    }
}
