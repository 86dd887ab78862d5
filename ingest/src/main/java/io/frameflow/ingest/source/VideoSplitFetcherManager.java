package io.frameflow.ingest.source;

import io.frameflow.common.StreamItem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.fetcher.SplitFetcher;
import org.apache.flink.connector.base.source.reader.fetcher.SplitFetcherManager;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/**
 * Starts one fetcher thread per split, so that a slow or blocked stream never stalls the other
 * streams of the same subtask. A fetcher ends when its split finishes.
 */
public final class VideoSplitFetcherManager extends SplitFetcherManager<StreamItem, VideoSplit> {
    private final Map<String, SplitFetcher<StreamItem, VideoSplit>> fetcherBySplit =
            new ConcurrentHashMap<>();

    public VideoSplitFetcherManager(
            Supplier<SplitReader<StreamItem, VideoSplit>> splitReaderFactory,
            Configuration configuration) {
        super(splitReaderFactory, configuration);
    }

    @Override
    public void addSplits(List<VideoSplit> splitsToAdd) {
        // forget fetchers that have ended (their split finished)
        fetcherBySplit.values().removeIf(f -> !fetchers.containsValue(f));
        for (VideoSplit split : splitsToAdd) {
            SplitFetcher<StreamItem, VideoSplit> fetcher = createSplitFetcher();
            fetcher.addSplits(List.of(split));
            fetcherBySplit.put(split.splitId(), fetcher);
            startFetcher(fetcher);
        }
    }

    @Override
    public void removeSplits(List<VideoSplit> splitsToRemove) {
        for (VideoSplit split : splitsToRemove) {
            SplitFetcher<StreamItem, VideoSplit> fetcher = fetcherBySplit.remove(split.splitId());
            if (fetcher != null) {
                fetcher.removeSplits(List.of(split));
            }
        }
    }
}
