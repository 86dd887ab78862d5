package io.frameflow.sinks.video;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

/**
 * What the annotated-video sink has done, as Flink metrics of its writer: frames written into
 * video, frames left out, files closed and abandoned, and bytes of closed files. Frames written
 * also count as Flink's {@code numRecordsSend}, bytes of closed files as {@code numBytesSend}.
 */
final class VideoSinkMetrics {
    /** Pictures handed to an encoder. */
    final Counter framesWritten;

    /**
     * Frames left out because they came faster than the file's frame rate (two frames in one frame
     * interval; only with a fixed {@code fps} below the stream's own rate, or timestamp jitter).
     */
    final Counter framesDropped;

    /** Frames of streams that {@code streams} does not select. */
    final Counter framesSkipped;

    /** Files completed and renamed to their final name. */
    final Counter segmentsClosed;

    /** Files given up after an error, deleted. */
    final Counter segmentsAbandoned;

    /** Bytes of encoded video in closed files. */
    final Counter bytesClosed;

    private final Counter recordsSend;
    private final Counter bytesSend;

    private VideoSinkMetrics(SinkWriterMetricGroup group) {
        framesWritten = group == null ? new SimpleCounter() : group.counter("videoFramesWritten");
        framesDropped = group == null ? new SimpleCounter() : group.counter("videoFramesDropped");
        framesSkipped = group == null ? new SimpleCounter() : group.counter("videoFramesSkipped");
        segmentsClosed = group == null ? new SimpleCounter() : group.counter("videoSegmentsClosed");
        segmentsAbandoned =
                group == null ? new SimpleCounter() : group.counter("videoSegmentsAbandoned");
        bytesClosed = group == null ? new SimpleCounter() : group.counter("videoBytesClosed");
        recordsSend = group == null ? new SimpleCounter() : group.getNumRecordsSendCounter();
        bytesSend = group == null ? new SimpleCounter() : group.getNumBytesSendCounter();
    }

    /** Metrics registered in the writer's group. */
    static VideoSinkMetrics register(SinkWriterMetricGroup group) {
        return new VideoSinkMetrics(group);
    }

    /** Metrics that nothing reports, for code that runs the writer outside Flink. */
    static VideoSinkMetrics unregistered() {
        return new VideoSinkMetrics(null);
    }

    void frameWritten() {
        framesWritten.inc();
        recordsSend.inc();
    }

    void segmentClosed(long bytes) {
        segmentsClosed.inc();
        bytesClosed.inc(bytes);
        bytesSend.inc(bytes);
    }
}
