package io.frameflow.ingest.source;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the {@link VideoSplitEnumerator} checkpoints: the splits no reader has yet, and the ids of
 * the streams that readers own (their positions live in the readers' state). A stream configured
 * later that is in neither is new, and is read from its start after a restore.
 *
 * @param unassigned splits waiting for a reader, in stream order
 * @param assignedStreamIds ids of the streams readers own
 */
public record VideoEnumeratorState(List<VideoSplit> unassigned, Set<String> assignedStreamIds) {

    public VideoEnumeratorState {
        unassigned = List.copyOf(Objects.requireNonNull(unassigned, "unassigned"));
        assignedStreamIds = Set.copyOf(Objects.requireNonNull(assignedStreamIds, "assigned"));
    }
}
