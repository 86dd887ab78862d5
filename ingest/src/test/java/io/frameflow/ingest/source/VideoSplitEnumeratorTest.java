package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

class VideoSplitEnumeratorTest {
    private static final List<VideoStreamSpec> STREAMS =
            List.of(
                    VideoStreamSpec.of("s0", "/0.avi"),
                    VideoStreamSpec.of("s1", "/1.avi"),
                    VideoStreamSpec.of("s2", "/2.avi"),
                    VideoStreamSpec.of("s3", "rtsp://cam/3"),
                    VideoStreamSpec.of("s4", "/4.avi"));

    @Test
    void spreadsStreamsOverTheReadersThatAskAndEndsEachAssignment() throws Exception {
        try (MockSplitEnumeratorContext<VideoSplit> ctx = new MockSplitEnumeratorContext<>(2)) {
            VideoSplitEnumerator e = new VideoSplitEnumerator(ctx, STREAMS, null);
            e.start();

            e.handleSplitRequest(1, "host");
            e.handleSplitRequest(0, "host");

            assertThat(assignedTo(ctx, 1)).containsExactly("s1", "s3");
            assertThat(assignedTo(ctx, 0)).containsExactly("s0", "s2", "s4");
            assertThat(ctx.hasNoMoreSplits(0)).isTrue();
            assertThat(ctx.hasNoMoreSplits(1)).isTrue();
            assertThat(e.snapshotState(1))
                    .isEqualTo(
                            new VideoEnumeratorState(
                                    List.of(), Set.of("s0", "s1", "s2", "s3", "s4")));
        }
    }

    @Test
    void assignsEachSplitOnlyOnce() throws Exception {
        try (MockSplitEnumeratorContext<VideoSplit> ctx = new MockSplitEnumeratorContext<>(2)) {
            VideoSplitEnumerator e = new VideoSplitEnumerator(ctx, STREAMS, null);
            e.handleSplitRequest(0, "host");
            e.handleSplitRequest(0, "host");
            assertThat(ctx.getSplitsAssignmentSequence()).hasSize(1);
            assertThat(assignedTo(ctx, 0)).containsExactly("s0", "s2", "s4");
        }
    }

    @Test
    void splitsOfAFailedReaderGoBackWithTheirPositionToItsNextAttempt() throws Exception {
        try (MockSplitEnumeratorContext<VideoSplit> ctx = new MockSplitEnumeratorContext<>(2)) {
            VideoSplitEnumerator e = new VideoSplitEnumerator(ctx, STREAMS, null);
            e.handleSplitRequest(1, "host");
            VideoSplit resumed =
                    new VideoSplit(STREAMS.get(3), new VideoStreamPosition(77, 3_080_000, 0, 0, 0));

            e.addSplitsBack(List.of(resumed), 1);

            // subtask 0 has not asked yet: its streams wait too, in stream order
            assertThat(e.snapshotState(2).unassigned())
                    .containsExactly(
                            VideoSplit.atStart(STREAMS.get(0)),
                            VideoSplit.atStart(STREAMS.get(2)),
                            resumed,
                            VideoSplit.atStart(STREAMS.get(4)));
            e.handleSplitRequest(1, "host");
            SplitsAssignment<VideoSplit> last =
                    ctx.getSplitsAssignmentSequence()
                            .get(ctx.getSplitsAssignmentSequence().size() - 1);
            assertThat(last.assignment()).isEqualTo(Map.of(1, List.of(resumed)));
        }
    }

    @Test
    void aRestoredEnumeratorKeepsItsStateAndPicksUpNewStreams() throws Exception {
        VideoSplit pending =
                new VideoSplit(STREAMS.get(2), new VideoStreamPosition(5, 200_000, 0, 0, 0));
        VideoEnumeratorState state =
                new VideoEnumeratorState(List.of(pending), Set.of("s0", "s1", "s3"));
        try (MockSplitEnumeratorContext<VideoSplit> ctx = new MockSplitEnumeratorContext<>(2)) {
            VideoSplitEnumerator e = new VideoSplitEnumerator(ctx, STREAMS, state);

            assertThat(e.snapshotState(3).unassigned())
                    .containsExactly(pending, VideoSplit.atStart(STREAMS.get(4)));
            e.handleSplitRequest(0, "host");
            assertThat(ctx.getSplitsAssignmentSequence().get(0).assignment().get(0))
                    .containsExactly(pending, VideoSplit.atStart(STREAMS.get(4)));
        }
    }

    @Test
    void aReaderWithoutStreamsIsToldThereAreNone() throws Exception {
        try (MockSplitEnumeratorContext<VideoSplit> ctx = new MockSplitEnumeratorContext<>(8)) {
            VideoSplitEnumerator e = new VideoSplitEnumerator(ctx, STREAMS, null);
            e.handleSplitRequest(6, "host");
            assertThat(ctx.getSplitsAssignmentSequence()).isEmpty();
            assertThat(ctx.hasNoMoreSplits(6)).isTrue();
        }
    }

    private static List<String> assignedTo(
            MockSplitEnumeratorContext<VideoSplit> ctx, int subtask) {
        return ctx.getSplitsAssignmentSequence().stream()
                .flatMap(a -> a.assignment().getOrDefault(subtask, List.of()).stream())
                .map(VideoSplit::splitId)
                .collect(Collectors.toList());
    }
}
