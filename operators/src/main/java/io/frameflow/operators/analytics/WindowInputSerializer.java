package io.frameflow.operators.analytics;

import io.frameflow.common.WindowResult.Kind;
import io.frameflow.common.serde.ImmutableRecordSerializer;
import io.frameflow.common.serde.SerializerTypeInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link WindowInput}: what crosses the network to the window operators. */
public final class WindowInputSerializer extends ImmutableRecordSerializer<WindowInput> {
    private static final long serialVersionUID = 1L;
    public static final WindowInputSerializer INSTANCE = new WindowInputSerializer();
    public static final TypeInformation<WindowInput> TYPE_INFO =
            new SerializerTypeInfo<>(WindowInput.class, INSTANCE);

    private static final WindowInput.Source[] SOURCES = WindowInput.Source.values();
    private static final Kind[] KINDS = Kind.values();

    @Override
    public void serialize(WindowInput input, DataOutputView out) throws IOException {
        out.writeByte(input.source().ordinal());
        out.writeUTF(input.streamId());
        out.writeLong(input.seq());
        out.writeLong(input.timeMillis());
        out.writeInt(input.tallies().size());
        for (WindowInput.Tally t : input.tallies()) {
            out.writeByte(t.kind().ordinal());
            out.writeUTF(t.area());
            out.writeUTF(t.label());
            out.writeInt(t.count());
            out.writeInt(t.tracks().length);
            for (long id : t.tracks()) {
                out.writeLong(id);
            }
        }
    }

    @Override
    public WindowInput deserialize(DataInputView in) throws IOException {
        WindowInput.Source source = SOURCES[in.readByte()];
        String stream = in.readUTF();
        long seq = in.readLong();
        long time = in.readLong();
        int n = in.readInt();
        List<WindowInput.Tally> tallies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Kind kind = KINDS[in.readByte()];
            String area = in.readUTF();
            String label = in.readUTF();
            int count = in.readInt();
            long[] tracks = new long[in.readInt()];
            for (int k = 0; k < tracks.length; k++) {
                tracks[k] = in.readLong();
            }
            tallies.add(new WindowInput.Tally(kind, area, label, count, tracks));
        }
        return new WindowInput(source, stream, seq, time, tallies);
    }

    @Override
    public TypeSerializerSnapshot<WindowInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowInput> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
