package io.frameflow.operators.analytics;

import io.frameflow.common.WindowResult.Kind;
import io.frameflow.common.serde.MutableStateSerializer;
import io.frameflow.common.serde.SerializerTypeInfo;
import java.io.IOException;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link WindowTally}, the window state of the analytics windows (checkpointed
 * with the job). The tally is mutable, so copies are deep.
 */
public final class WindowTallySerializer extends MutableStateSerializer<WindowTally> {
    private static final long serialVersionUID = 1L;
    public static final WindowTallySerializer INSTANCE = new WindowTallySerializer();
    public static final TypeInformation<WindowTally> TYPE_INFO =
            new SerializerTypeInfo<>(WindowTally.class, INSTANCE);

    private static final Kind[] KINDS = Kind.values();

    @Override
    public WindowTally createInstance() {
        return new WindowTally();
    }

    @Override
    public WindowTally copy(WindowTally from) {
        return from.copy();
    }

    @Override
    public void serialize(WindowTally tally, DataOutputView out) throws IOException {
        out.writeLong(tally.frames());
        Map<WindowTally.Row, WindowTally.Figures> rows = tally.rowMap();
        out.writeInt(rows.size());
        for (Map.Entry<WindowTally.Row, WindowTally.Figures> e : rows.entrySet()) {
            WindowTally.Row row = e.getKey();
            WindowTally.Figures f = e.getValue();
            out.writeByte(row.kind().ordinal());
            out.writeUTF(row.area());
            out.writeUTF(row.label());
            out.writeLong(f.sum);
            out.writeInt(f.max);
            out.writeLong(f.entries);
            out.writeLong(f.in);
            out.writeLong(f.out);
            out.writeInt(f.tracks.size());
            for (long id : f.tracks) {
                out.writeLong(id);
            }
        }
    }

    @Override
    public WindowTally deserialize(DataInputView in) throws IOException {
        WindowTally tally = new WindowTally();
        tally.setFrames(in.readLong());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            WindowTally.Row row =
                    new WindowTally.Row(KINDS[in.readByte()], in.readUTF(), in.readUTF());
            WindowTally.Figures f = new WindowTally.Figures();
            f.sum = in.readLong();
            f.max = in.readInt();
            f.entries = in.readLong();
            f.in = in.readLong();
            f.out = in.readLong();
            int tracks = in.readInt();
            for (int k = 0; k < tracks; k++) {
                f.tracks.add(in.readLong());
            }
            tally.rowMap().put(row, f);
        }
        return tally;
    }

    @Override
    public TypeSerializerSnapshot<WindowTally> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowTally> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
