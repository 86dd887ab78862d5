package io.frameflow.operators.track;

import io.frameflow.common.serde.MutableStateSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link TrackerState}, the keyed state of {@link TrackingFunction}.
 *
 * <p>Format 1: next id, last seq, the number of tracks, then per track its id (0 while tentative),
 * label, hits, box, velocity, last seq and capture time, start time, the zones it is in (zone id,
 * entry time) and its line sides (line id, side). Zones and lines are stored by id, so a job
 * restored with zones or lines added or removed keeps what still applies. The snapshot's version is
 * the format, so a later format can read this one for migration.
 */
public final class TrackerStateSerializer extends MutableStateSerializer<TrackerState> {
    private static final long serialVersionUID = 1L;
    public static final TrackerStateSerializer INSTANCE = new TrackerStateSerializer();

    /** The format this serializer writes. */
    static final int FORMAT = 1;

    /** Guards against corrupt input: far more tracks, zones or lines than a stream has. */
    private static final int MAX_COUNT = 1 << 20;

    /**
     * {@code state} as bytes that say their format: what {@link StreamTracker#snapshot()} gives.
     */
    static byte[] toBytes(TrackerState state) {
        DataOutputSerializer out = new DataOutputSerializer(64 + 128 * state.tracks.size());
        try {
            out.writeInt(FORMAT);
            INSTANCE.serialize(state, out);
        } catch (IOException e) {
            // writing to memory does not fail
            throw new UncheckedIOException(e);
        }
        return out.getCopyOfBuffer();
    }

    /**
     * The state in {@code bytes} of {@link #toBytes}.
     *
     * @param whose names the snapshot in errors, e.g. {@code of stream 'cam-1'}
     */
    static TrackerState fromBytes(byte[] bytes, String whose) {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        try {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException(
                        "tracker snapshot "
                                + whose
                                + " has format "
                                + format
                                + "; this version reads format "
                                + FORMAT);
            }
            TrackerState state = INSTANCE.deserialize(in);
            if (in.available() != 0) {
                throw new IOException(in.available() + " bytes left over");
            }
            return state;
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "tracker snapshot " + whose + " is corrupt: " + e.getMessage(), e);
        }
    }

    @Override
    public void serialize(TrackerState state, DataOutputView out) throws IOException {
        out.writeLong(state.nextId);
        out.writeLong(state.lastSeq);
        out.writeInt(state.tracks.size());
        for (Track t : state.tracks) {
            writeTrack(t, out);
        }
    }

    @Override
    public TrackerState deserialize(DataInputView in) throws IOException {
        long nextId = in.readLong();
        long lastSeq = in.readLong();
        int n = count(in, "tracks");
        List<Track> tracks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tracks.add(readTrack(in));
        }
        if (nextId < 1) {
            throw new IOException("corrupt tracker state: next track id " + nextId);
        }
        return new TrackerState(nextId, lastSeq, tracks);
    }

    private static void writeTrack(Track t, DataOutputView out) throws IOException {
        out.writeLong(t.id);
        out.writeUTF(t.label);
        out.writeInt(t.hits);
        out.writeFloat(t.x1);
        out.writeFloat(t.y1);
        out.writeFloat(t.x2);
        out.writeFloat(t.y2);
        out.writeDouble(t.vx);
        out.writeDouble(t.vy);
        out.writeLong(t.lastSeq);
        out.writeLong(t.lastMillis);
        out.writeLong(t.startMillis);
        out.writeInt(t.stays.size());
        for (Track.ZoneStay s : t.stays) {
            out.writeUTF(s.zone());
            out.writeLong(s.enteredMillis());
        }
        out.writeInt(t.sides.size());
        for (Track.LineSide s : t.sides) {
            out.writeUTF(s.line());
            out.writeByte(s.side());
        }
    }

    private static Track readTrack(DataInputView in) throws IOException {
        long id = in.readLong();
        String label = in.readUTF();
        Track t = new Track(label, new ArrayList<>(), new ArrayList<>());
        t.id = id;
        t.hits = in.readInt();
        t.x1 = in.readFloat();
        t.y1 = in.readFloat();
        t.x2 = in.readFloat();
        t.y2 = in.readFloat();
        t.vx = in.readDouble();
        t.vy = in.readDouble();
        t.lastSeq = in.readLong();
        t.lastMillis = in.readLong();
        t.startMillis = in.readLong();
        int stays = count(in, "zone stays");
        for (int i = 0; i < stays; i++) {
            t.stays.add(new Track.ZoneStay(in.readUTF(), in.readLong()));
        }
        int sides = count(in, "line sides");
        for (int i = 0; i < sides; i++) {
            t.sides.add(new Track.LineSide(in.readUTF(), in.readByte()));
        }
        return t;
    }

    private static int count(DataInputView in, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_COUNT) {
            throw new IOException("corrupt tracker state: " + n + " " + what);
        }
        return n;
    }

    @Override
    public TrackerState createInstance() {
        return new TrackerState();
    }

    @Override
    public TrackerState copy(TrackerState from) {
        return from.copy();
    }

    @Override
    public TypeSerializerSnapshot<TrackerState> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * Snapshot for state compatibility checks. It writes no payload: its version is the data
     * format.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<TrackerState> {
        private int format = FORMAT;

        @Override
        public int getCurrentVersion() {
            return FORMAT;
        }

        @Override
        public void writeSnapshot(DataOutputView out) {
            // the version alone identifies the format
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
                throws IOException {
            if (readVersion != FORMAT) {
                throw new IOException(
                        "tracker state was written in format "
                                + readVersion
                                + "; this version of FrameFlow reads format "
                                + FORMAT);
            }
            format = readVersion;
        }

        @Override
        public TypeSerializer<TrackerState> restoreSerializer() {
            return INSTANCE;
        }

        @Override
        public TypeSerializerSchemaCompatibility<TrackerState> resolveSchemaCompatibility(
                TypeSerializerSnapshot<TrackerState> oldSnapshot) {
            return oldSnapshot instanceof Snapshot old && old.format == format
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
