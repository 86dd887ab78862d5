package io.frameflow.ingest.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each stream's split to one reader, once. Streams are spread over the subtasks by their
 * position in the source's list (stream {@code i} belongs to subtask {@code i % parallelism}), so
 * that live streams, which never finish, do not queue behind each other. A reader asks when it
 * starts; it gets all its streams at once, then "no more splits", which lets a bounded job end.
 * Splits of a failed reader come back through {@link #addSplitsBack} and go to its restarted
 * attempt, which asks again.
 */
public final class VideoSplitEnumerator
        implements SplitEnumerator<VideoSplit, VideoEnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(VideoSplitEnumerator.class);

    private final SplitEnumeratorContext<VideoSplit> context;
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final Map<String, VideoSplit> unassigned = new HashMap<>();
    private final Set<String> assigned = new HashSet<>();

    /**
     * @param context the enumerator context
     * @param streams the source's streams, in the order that spreads them over subtasks
     * @param restored the checkpointed state, or {@code null} for a fresh start
     */
    public VideoSplitEnumerator(
            SplitEnumeratorContext<VideoSplit> context,
            List<VideoStreamSpec> streams,
            VideoEnumeratorState restored) {
        this.context = context;
        for (VideoStreamSpec s : streams) {
            ordinals.putIfAbsent(s.id(), ordinals.size());
        }
        if (restored != null) {
            restored.unassigned().forEach(split -> unassigned.put(split.splitId(), split));
            assigned.addAll(restored.assignedStreamIds());
        }
        for (VideoStreamSpec s : streams) {
            if (!unassigned.containsKey(s.id()) && !assigned.contains(s.id())) {
                if (restored != null) {
                    LOG.info(
                            "stream '{}' is new since the checkpoint; it starts at frame 0",
                            s.id());
                }
                unassigned.put(s.id(), VideoSplit.atStart(s));
            }
        }
        // streams known only from the checkpoint (removed from the source since) go last
        new TreeSet<>(unassigned.keySet()).forEach(id -> ordinals.putIfAbsent(id, ordinals.size()));
    }

    @Override
    public void start() {
        LOG.info(
                "video source: {} streams to assign, {} already owned by readers",
                unassigned.size(),
                assigned.size());
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        int parallelism = context.currentParallelism();
        List<VideoSplit> mine = new ArrayList<>();
        for (VideoSplit split : sortedUnassigned()) {
            if (ordinals.get(split.splitId()) % parallelism == subtaskId) {
                mine.add(split);
            }
        }
        if (!mine.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(Map.of(subtaskId, mine)));
            for (VideoSplit split : mine) {
                unassigned.remove(split.splitId());
                assigned.add(split.splitId());
            }
            LOG.info(
                    "assigned streams {} to subtask {}",
                    mine.stream().map(VideoSplit::splitId).toList(),
                    subtaskId);
        }
        context.signalNoMoreSplits(subtaskId);
    }

    @Override
    public void addSplitsBack(List<VideoSplit> splits, int subtaskId) {
        for (VideoSplit split : splits) {
            ordinals.putIfAbsent(split.splitId(), ordinals.size());
            unassigned.put(split.splitId(), split);
            assigned.remove(split.splitId());
        }
        if (!splits.isEmpty()) {
            LOG.info(
                    "subtask {} failed; streams {} wait for its restart",
                    subtaskId,
                    splits.stream().map(VideoSplit::splitId).toList());
        }
    }

    @Override
    public void addReader(int subtaskId) {
        // nothing to do: a reader asks for its streams when it starts
    }

    @Override
    public VideoEnumeratorState snapshotState(long checkpointId) {
        return new VideoEnumeratorState(sortedUnassigned(), assigned);
    }

    private List<VideoSplit> sortedUnassigned() {
        List<VideoSplit> list = new ArrayList<>(unassigned.values());
        list.sort(Comparator.comparingInt(s -> ordinals.get(s.splitId())));
        return list;
    }

    @Override
    public void close() {
        // holds no resources
    }
}
