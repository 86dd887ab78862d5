package io.frameflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VideoEnumeratorStateSerializerTest {
    private final VideoEnumeratorStateSerializer serializer =
            VideoEnumeratorStateSerializer.INSTANCE;

    @Test
    void roundTripsUnassignedSplitsInOrderAndAssignedIds() throws IOException {
        VideoEnumeratorState state =
                new VideoEnumeratorState(
                        List.of(
                                VideoSplit.atStart(VideoStreamSpec.of("b", "/b.avi")),
                                new VideoSplit(
                                        VideoStreamSpec.of("a", "http://h/a.ts").withMaxFrames(9),
                                        new VideoStreamPosition(4, 160_000, 0, 1, 0))),
                        Set.of("x", "y", "z"));

        VideoEnumeratorState copy =
                serializer.deserialize(serializer.getVersion(), serializer.serialize(state));

        assertThat(copy).isEqualTo(state);
        assertThat(copy.unassigned()).extracting(VideoSplit::splitId).containsExactly("b", "a");
    }

    @Test
    void roundTripsAnEmptyState() throws IOException {
        VideoEnumeratorState state = new VideoEnumeratorState(List.of(), Set.of());
        assertThat(serializer.deserialize(1, serializer.serialize(state))).isEqualTo(state);
    }

    @Test
    void rejectsAnUnknownVersionWithAMessage() {
        assertThatThrownBy(() -> serializer.deserialize(3, new byte[0]))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "cannot read video enumerator state of serializer version 3; this build"
                                + " reads versions 1 to 2");
    }
}
