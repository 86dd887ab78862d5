package io.frameflow.ingest.source;

import io.frameflow.common.StreamItem;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SourceReaderBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader of a {@link VideoSource}: each of its streams decodes on its own fetcher thread; the
 * task thread emits the frames and dead letters and keeps each stream's position for checkpoints.
 * It asks the enumerator for its streams when it starts, and logs one line when a stream ends.
 */
public final class VideoSourceReader
        extends SourceReaderBase<StreamItem, StreamItem, VideoSplit, VideoSplitState> {
    private static final Logger LOG = LoggerFactory.getLogger(VideoSourceReader.class);

    private final Map<String, VideoStreamMetrics> metrics = new HashMap<>();
    private final StreamStatuses statuses;

    public VideoSourceReader(SourceReaderContext context) {
        this(context, new StreamStatuses(System::currentTimeMillis));
    }

    private VideoSourceReader(SourceReaderContext context, StreamStatuses statuses) {
        super(
                new VideoSplitFetcherManager(
                        () ->
                                new VideoSplitReader(
                                        System::currentTimeMillis, statuses, context.metricGroup()),
                        context.getConfiguration()),
                new VideoRecordEmitter(),
                context.getConfiguration(),
                context);
        this.statuses = statuses;
    }

    @Override
    public void start() {
        super.start();
        // also after a restore: the answer ends with "no more splits", which a bounded job needs
        context.sendSplitRequest();
    }

    @Override
    protected VideoSplitState initializedState(VideoSplit split) {
        VideoStreamMetrics m =
                metrics.computeIfAbsent(
                        split.splitId(),
                        id ->
                                new VideoStreamMetrics(
                                        context.metricGroup(), id, statuses.of(split.stream())));
        return new VideoSplitState(split, m);
    }

    @Override
    protected VideoSplit toSplitType(String splitId, VideoSplitState state) {
        return state.toSplit();
    }

    @Override
    protected void onSplitFinished(Map<String, VideoSplitState> finished) {
        finished.forEach(
                (id, state) -> {
                    VideoStreamPosition p = state.position();
                    if (state.failure() == null) {
                        LOG.info(
                                "stream '{}' ended: {} frames, {} damaged, {} dead letters",
                                id,
                                p.nextSeq(),
                                p.damagedFrames(),
                                p.deadLetters());
                    } else {
                        LOG.warn(
                                "stream '{}' failed after {} frames ({} damaged, {} dead letters):"
                                        + " {}",
                                id,
                                p.nextSeq(),
                                p.damagedFrames(),
                                p.deadLetters(),
                                state.failure());
                    }
                });
    }
}
