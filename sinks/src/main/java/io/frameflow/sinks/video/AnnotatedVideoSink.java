package io.frameflow.sinks.video;

import io.frameflow.common.AnnotatedFrame;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Annotated video: each stream's frames with their results drawn on them (boxes, labels, scores,
 * track ids, children, masks, outlines; see {@link DrawOptions}), encoded to MP4 files of one
 * segment each, {@code <path>/<stream>/<stream>-<first seq>.mp4}.
 *
 * <p>The sink takes {@link AnnotatedFrame}s, which hold decoded pictures: it must run chained in
 * the task that decodes the stream (same parallelism, forward connection, object reuse on), so that
 * no picture is serialized. Each parallel writer handles the streams of its own subtask.
 *
 * <p>Delivery: <b>none promised; video is for people to watch, not the system of record.</b> A file
 * is written under a hidden name ({@code .<stream>-<seq>.mp4.inprogress}) and renamed when it is
 * complete: at the end of its segment, at the end of the input, after {@code idle-timeout} without
 * frames, or when the writer closes (also when the job stops or fails over, as long as the encoder
 * still works). A file under its final name is complete and playable, and never overwritten. If the
 * task dies without closing (a killed process), its unfinished file is left hidden and deleted when
 * the stream's next file starts. After a restart from a checkpoint the source replays the frames
 * since that checkpoint, and a new file starts at the first of them: frames between the last
 * checkpoint and the failure appear twice in video; frames after the last complete file of a task
 * that died are missing. Encoder and file-system errors (disk full, permission denied) fail the
 * task with a {@link VideoSinkException} naming the stream and the file; the unfinished file is
 * deleted.
 */
public final class AnnotatedVideoSink implements Sink<AnnotatedFrame> {
    private static final long serialVersionUID = 1L;

    private final VideoSinkOptions options;

    private AnnotatedVideoSink(VideoSinkOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A sink writing video as {@code options} say. */
    public static AnnotatedVideoSink of(VideoSinkOptions options) {
        return new AnnotatedVideoSink(options);
    }

    public VideoSinkOptions options() {
        return options;
    }

    /**
     * Fails with a message naming the key {@value VideoSinkOptions#CODEC} when the FFmpeg build on
     * this machine has no encoder for {@code codec}; for checking a pipeline before it starts.
     */
    public static void checkCodec(OutputCodec codec) throws VideoSinkException {
        Mp4Encoder.requireEncoder(codec);
    }

    @Override
    public SinkWriter<AnnotatedFrame> createWriter(WriterInitContext context) throws IOException {
        return new AnnotatedVideoWriter(
                options,
                context.getProcessingTimeService(),
                VideoSinkMetrics.register(context.metricGroup()));
    }
}
