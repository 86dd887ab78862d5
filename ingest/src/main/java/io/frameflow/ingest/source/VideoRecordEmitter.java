package io.frameflow.ingest.source;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Emits frames and dead letters and advances the split's position with each, on the task thread, so
 * that the position in a checkpoint matches what left the source. A frame's record timestamp is its
 * capture time; dead letters carry none.
 */
public final class VideoRecordEmitter
        implements RecordEmitter<StreamItem, StreamItem, VideoSplitState> {

    @Override
    public void emitRecord(
            StreamItem item, SourceOutput<StreamItem> output, VideoSplitState state) {
        if (item instanceof VideoFrame frame) {
            state.frameEmitted(frame);
            output.collect(frame, frame.captureTimeMillis());
        } else {
            DeadLetter deadLetter = (DeadLetter) item;
            state.deadLetterEmitted(deadLetter);
            output.collect(deadLetter);
        }
    }
}
