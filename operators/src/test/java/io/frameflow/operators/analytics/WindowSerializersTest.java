package io.frameflow.operators.analytics;

import static io.frameflow.operators.analytics.Samples.at;
import static io.frameflow.operators.analytics.Samples.frame;
import static io.frameflow.operators.analytics.Samples.square;
import static io.frameflow.operators.analytics.Samples.zoneEnter;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Round trips of the window input (network) and the window tally (checkpointed state). */
class WindowSerializersTest {
    private static final AnalyticsOptions OPTIONS =
            AnalyticsOptions.of(List.of(WindowSpec.tumbling(Duration.ofSeconds(1))))
                    .withZones(List.of(square("door")));

    private static final List<WindowInput> INPUTS =
            List.of(
                    WindowInputs.ofFrame(
                            frame(
                                    "cam-ü",
                                    3,
                                    1_700_000_000_123L,
                                    at("person", 200, 200, 11),
                                    at("person", 5, 5, 0),
                                    at("car", 150, 150, Long.MAX_VALUE)),
                            OPTIONS),
                    WindowInputs.ofFrame(frame("cam-2", 0, -40), OPTIONS),
                    WindowInputs.ofEvent(zoneEnter("cam-2", "door", "person", 4, 9, 360), OPTIONS));

    @Test
    void windowInputsRoundTrip() throws IOException {
        for (WindowInput input : INPUTS) {
            assertThat(roundTrip(WindowInputSerializer.INSTANCE, input)).isEqualTo(input);
        }
        DataOutputSerializer out = new DataOutputSerializer(64);
        WindowInputSerializer.INSTANCE.serialize(INPUTS.get(0), out);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        WindowInputSerializer.INSTANCE.copy(
                new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    }

    @Test
    void windowTalliesRoundTripAndCopyDeeply() throws IOException {
        WindowTally tally = new WindowTally();
        INPUTS.forEach(tally::add);

        WindowTally back = roundTrip(WindowTallySerializer.INSTANCE, tally);
        assertThat(rows(back)).isEqualTo(rows(tally));
        assertThat(back.frames()).isEqualTo(2);

        WindowTally copy = WindowTallySerializer.INSTANCE.copy(tally);
        copy.add(INPUTS.get(0));
        assertThat(tally.frames()).as("the copy is separate").isEqualTo(2);
        assertThat(rows(tally)).isEqualTo(rows(back));
        assertThat(rows(roundTrip(WindowTallySerializer.INSTANCE, new WindowTally()))).isEmpty();
    }

    private static List<?> rows(WindowTally tally) {
        return WindowRows.of("s", 0, 1, tally, Set.of(), OPTIONS, 0);
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
