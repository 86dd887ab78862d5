package io.frameflow.ingest.source;

import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A FLIP-27 source of decoded video: files, RTSP cameras and HTTP streams, decoded with FFmpeg,
 * emitting {@link StreamItem}s: a {@link io.frameflow.common.VideoFrame} per picture and a {@link
 * io.frameflow.common.DeadLetter} for what could not be read (a stream that cannot be opened, a
 * packet the decoder rejects). One split per stream; each stream decodes on its own thread.
 *
 * <p>Delivery: files are exactly-once with checkpoints: a restored job resumes each file at the
 * checkpointed frame, so frames are neither lost nor repeated (sequence numbers continue; the
 * pixels equal those of an uninterrupted run). Live streams (RTSP, HTTP) cannot be replayed: after
 * a restore they continue live from the checkpointed sequence number, so frames that arrived
 * between the checkpoint and the failure are lost, and none are repeated.
 *
 * <p>The source is bounded when every stream is finite (a file, or a frame limit). Build it with
 * {@link #builder()}:
 *
 * <pre>{@code
 * VideoSource source = VideoSource.builder()
 *         .addStream("lobby", "rtsp://user:secret@cam-1/live")
 *         .addStream(VideoStreamSpec.of("clip", "/data/vtest.avi").withMaxFrames(100))
 *         .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "video");
 * }</pre>
 */
public final class VideoSource
        implements Source<StreamItem, VideoSplit, VideoEnumeratorState>,
                ResultTypeQueryable<StreamItem> {
    private static final long serialVersionUID = 1L;

    private final List<VideoStreamSpec> streams;

    VideoSource(List<VideoStreamSpec> streams) {
        this.streams = List.copyOf(streams);
    }

    /** A builder that checks the streams in {@link VideoSourceBuilder#build()}. */
    public static VideoSourceBuilder builder() {
        return new VideoSourceBuilder();
    }

    /** The streams, in the order that spreads them over subtasks. */
    public List<VideoStreamSpec> streams() {
        return streams;
    }

    @Override
    public Boundedness getBoundedness() {
        return streams.stream().allMatch(VideoStreamSpec::isFinite)
                ? Boundedness.BOUNDED
                : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<StreamItem, VideoSplit> createReader(SourceReaderContext context) {
        return new VideoSourceReader(context);
    }

    @Override
    public SplitEnumerator<VideoSplit, VideoEnumeratorState> createEnumerator(
            SplitEnumeratorContext<VideoSplit> context) {
        return new VideoSplitEnumerator(context, streams, null);
    }

    @Override
    public SplitEnumerator<VideoSplit, VideoEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<VideoSplit> context, VideoEnumeratorState checkpoint) {
        return new VideoSplitEnumerator(context, streams, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<VideoSplit> getSplitSerializer() {
        return VideoSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<VideoEnumeratorState> getEnumeratorCheckpointSerializer() {
        return VideoEnumeratorStateSerializer.INSTANCE;
    }

    @Override
    public TypeInformation<StreamItem> getProducedType() {
        return StreamItemTypeInfoFactory.TYPE_INFO;
    }
}
