package io.frameflow.sinks.video;

import io.frameflow.common.AnnotatedFrame;
import io.frameflow.common.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * The writer of {@link AnnotatedVideoSink}: one {@link StreamRecorder} per stream it sees, all run
 * on the task thread. Files are completed at the end of a segment, at the end of the input, when a
 * stream has been idle for {@code idle-timeout} (checked on processing-time timers, which run on
 * the task thread too), and when the writer is closed. Checkpoints do not touch the files.
 */
final class AnnotatedVideoWriter implements SinkWriter<AnnotatedFrame> {
    private final VideoSinkOptions options;
    private final Path root;
    private final ProcessingTimeService time;
    private final VideoSinkMetrics metrics;
    private final FrameAnnotator annotator;
    private final Map<String, StreamRecorder> recorders = new LinkedHashMap<>();
    private final long idleMillis;
    private final long checkEveryMillis;
    private boolean closed;

    AnnotatedVideoWriter(
            VideoSinkOptions options, ProcessingTimeService time, VideoSinkMetrics metrics)
            throws VideoSinkException {
        this.options = options;
        this.root = Path.of(options.path());
        this.time = time;
        this.metrics = metrics;
        this.annotator = new FrameAnnotator(options.draw());
        this.idleMillis = options.idleTimeout().toMillis();
        this.checkEveryMillis = Math.max(250, Math.min(10_000, idleMillis / 4));
        Mp4Encoder.requireEncoder(options.codec());
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new VideoSinkException(
                    "video sink option '"
                            + VideoSinkOptions.PATH
                            + "' = "
                            + root
                            + ": cannot create the directory: "
                            + e,
                    e);
        }
        scheduleIdleCheck();
    }

    @Override
    public void write(AnnotatedFrame element, Context context) throws IOException {
        VideoFrame frame = element.frame();
        String id = frame.streamId();
        if (!options.selects(id)) {
            metrics.framesSkipped.inc();
            return;
        }
        StreamRecorder recorder = recorders.get(id);
        if (recorder == null) {
            recorder =
                    new StreamRecorder(
                            id, SegmentFiles.directory(root, id), options, annotator, metrics);
            recorders.put(id, recorder);
        }
        recorder.write(frame, element.result(), time.getCurrentProcessingTime());
    }

    /** At the end of the input every file is completed; a checkpoint changes nothing. */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (endOfInput) {
            finishAll();
        }
    }

    @Override
    public void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        finishAll();
    }

    /** The recorder of {@code streamId}, for tests; null before its first frame. */
    StreamRecorder recorder(String streamId) {
        return recorders.get(streamId);
    }

    VideoSinkMetrics metrics() {
        return metrics;
    }

    /** Completes every open file; one stream's failure does not keep the others open. */
    private void finishAll() throws VideoSinkException {
        VideoSinkException first = null;
        for (StreamRecorder recorder : recorders.values()) {
            try {
                recorder.finishSegment();
            } catch (VideoSinkException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void scheduleIdleCheck() {
        time.registerTimer(time.getCurrentProcessingTime() + checkEveryMillis, this::onIdleCheck);
    }

    private void onIdleCheck(long timerTime) throws VideoSinkException {
        if (closed) {
            return;
        }
        // a timer may fire late; idleness counts to now
        long now = Math.max(timerTime, time.getCurrentProcessingTime());
        for (StreamRecorder recorder : recorders.values()) {
            if (recorder.idle(now, idleMillis)) {
                recorder.finishSegment();
            }
        }
        scheduleIdleCheck();
    }
}
