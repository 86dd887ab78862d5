package io.frameflow.common.serde;

import io.frameflow.common.TrackEvent;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link TrackEvent}. */
public final class TrackEventSerializer extends ImmutableRecordSerializer<TrackEvent> {
    private static final long serialVersionUID = 1L;
    public static final TrackEventSerializer INSTANCE = new TrackEventSerializer();

    private static final TrackEvent.Type[] TYPES = TrackEvent.Type.values();
    private static final TrackEvent.Direction[] DIRECTIONS = TrackEvent.Direction.values();

    @Override
    public void serialize(TrackEvent e, DataOutputView out) throws IOException {
        out.writeByte(e.type().ordinal());
        out.writeUTF(e.streamId());
        out.writeLong(e.trackId());
        out.writeUTF(e.label());
        out.writeLong(e.seq());
        out.writeLong(e.timeMillis());
        out.writeBoolean(e.area() != null);
        if (e.area() != null) {
            out.writeUTF(e.area());
        }
        out.writeByte(e.direction() == null ? -1 : e.direction().ordinal());
        out.writeLong(e.durationMillis());
        out.writeFloat(e.x1());
        out.writeFloat(e.y1());
        out.writeFloat(e.x2());
        out.writeFloat(e.y2());
    }

    @Override
    public TrackEvent deserialize(DataInputView in) throws IOException {
        TrackEvent.Type type = TYPES[in.readByte()];
        String stream = in.readUTF();
        long trackId = in.readLong();
        String label = in.readUTF();
        long seq = in.readLong();
        long time = in.readLong();
        String area = in.readBoolean() ? in.readUTF() : null;
        byte direction = in.readByte();
        return new TrackEvent(
                type,
                stream,
                trackId,
                label,
                seq,
                time,
                area,
                direction < 0 ? null : DIRECTIONS[direction],
                in.readLong(),
                in.readFloat(),
                in.readFloat(),
                in.readFloat(),
                in.readFloat());
    }

    @Override
    public TypeSerializerSnapshot<TrackEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TrackEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
