package io.frameflow.operators.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.FrameResult;
import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class TrackerStateSerializerTest {
    private static final TrackerStateSerializer SERIALIZER = TrackerStateSerializer.INSTANCE;

    /** The state of a tracker in the middle of a busy scene with zones and a line. */
    private static TrackerState busyState() {
        List<Zone> zones =
                List.of(
                        Zone.of(
                                "top",
                                List.of(
                                        new Point(0, 0),
                                        new Point(1280, 0),
                                        new Point(1280, 360),
                                        new Point(0, 360))));
        List<CountingLine> lines =
                List.of(CountingLine.of("diag", new Point(0, 0), new Point(1280, 720)));
        StreamTracker tracker = new StreamTracker("cam", TrackerOptions.defaults(), zones, lines);
        for (FrameResult f : Scenes.busyScene("cam", 3, 120, 20)) {
            tracker.process(f);
        }
        return tracker.state();
    }

    private static byte[] bytes(TrackerState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.serialize(state, out);
        return out.getCopyOfBuffer();
    }

    private static TrackerState read(byte[] bytes) throws IOException {
        return SERIALIZER.deserialize(new DataInputDeserializer(bytes));
    }

    @Test
    void aStateRoundTripsWithEveryField() throws IOException {
        TrackerState state = busyState();
        assertThat(state.liveTracks()).isGreaterThan(3);
        assertThat(state.tracks).anyMatch(t -> !t.stays.isEmpty());
        assertThat(state.tracks).anyMatch(t -> !t.sides.isEmpty());
        assertThat(state.tracks).anyMatch(t -> t.vx != 0);

        byte[] written = bytes(state);
        TrackerState back = read(written);
        assertThat(bytes(back)).isEqualTo(written);
        assertThat(back.nextTrackId()).isEqualTo(state.nextTrackId());
        assertThat(back.lastSeq()).isEqualTo(119);
        assertThat(back.liveTracks()).isEqualTo(state.liveTracks());
        assertThat(back.tentativeTracks()).isEqualTo(state.tentativeTracks());

        // a stream copy goes through the same bytes
        DataOutputSerializer copied = new DataOutputSerializer(256);
        SERIALIZER.copy(new DataInputDeserializer(written), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(written);
    }

    @Test
    void aCopyIsIndependentOfTheOriginal() throws IOException {
        TrackerState state = busyState();
        byte[] before = bytes(state);
        TrackerState copy = SERIALIZER.copy(state);
        assertThat(bytes(copy)).isEqualTo(before);

        copy.nextId += 5;
        copy.tracks.get(0).x1 += 1;
        copy.tracks.get(0).stays.clear();
        copy.tracks.get(0).sides.clear();
        copy.tracks.remove(1);
        assertThat(bytes(state)).isEqualTo(before);
    }

    @Test
    void theSnapshotRestoresThisSerializerAndIsCompatibleWithItself() throws IOException {
        TypeSerializerSnapshot<TrackerState> snapshot = SERIALIZER.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<TrackerState> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isSameAs(SERIALIZER);
        TypeSerializerSchemaCompatibility<TrackerState> compatibility =
                SERIALIZER.snapshotConfiguration().resolveSchemaCompatibility(read);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }

    @Test
    void anUnknownFormatIsRefusedByNumber() {
        TrackerStateSerializer.Snapshot snapshot = new TrackerStateSerializer.Snapshot();
        assertThatThrownBy(
                        () ->
                                snapshot.readSnapshot(
                                        7,
                                        new DataInputDeserializer(new byte[0]),
                                        getClass().getClassLoader()))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "tracker state was written in format 7; this version of FrameFlow reads"
                                + " format 1");
    }

    @Test
    void corruptCountsAreRefused() {
        DataOutputSerializer out = new DataOutputSerializer(32);
        try {
            out.writeLong(1);
            out.writeLong(5);
            out.writeInt(-3);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> read(out.getCopyOfBuffer()))
                .isInstanceOf(IOException.class)
                .hasMessage("corrupt tracker state: -3 tracks");
    }
}
