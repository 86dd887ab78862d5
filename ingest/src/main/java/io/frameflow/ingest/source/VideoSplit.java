package io.frameflow.ingest.source;

import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One stream of a {@link VideoSource} and how far it has been emitted. There is one split per
 * stream; its id is the stream id. Splits are immutable: the reader keeps a mutable {@link
 * VideoSplitState} and turns it back into a split for each checkpoint.
 *
 * @param stream the stream's description
 * @param position how far it has been emitted
 */
public record VideoSplit(VideoStreamSpec stream, VideoStreamPosition position)
        implements SourceSplit {

    public VideoSplit {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(position, "position");
    }

    /** The split of a stream that has emitted nothing yet. */
    public static VideoSplit atStart(VideoStreamSpec stream) {
        return new VideoSplit(stream, VideoStreamPosition.START);
    }

    @Override
    public String splitId() {
        return stream.id();
    }
}
