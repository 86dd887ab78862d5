package io.frameflow.common;

import io.frameflow.common.serde.DeadLetterTypeInfoFactory;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Input that could not be processed, with the reason. Nothing FrameFlow drops goes without one of
 * these: they are counted, logged and written to the dead-letter output.
 *
 * @param streamId the stream the input came from
 * @param seq the frame or packet number in the stream, or {@link #WHOLE_STREAM} when the problem is
 *     the stream itself (it cannot be opened, it was stopped)
 * @param stage where it failed, e.g. {@code "open"}, {@code "decode"}, {@code "detect"}
 * @param reason what went wrong, one line, for a person to read
 * @param fatal true when the stream stopped because of this; false when only this item was lost
 * @param timeMillis when it happened, epoch milliseconds
 */
@TypeInfo(DeadLetterTypeInfoFactory.class)
public record DeadLetter(
        String streamId, long seq, String stage, String reason, boolean fatal, long timeMillis)
        implements StreamItem, PacketItem {

    /** {@link #seq()} of a dead letter that concerns the whole stream. */
    public static final long WHOLE_STREAM = -1;

    public DeadLetter {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for logs and the command line, e.g. {@code stream 'cam-1' frame 12 (decode): …}. */
    public String describe() {
        String where = seq == WHOLE_STREAM ? "" : " frame " + seq;
        return "stream '" + streamId + "'" + where + " (" + stage + "): " + reason;
    }
}
