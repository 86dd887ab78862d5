package io.frameflow.common.serde;

import io.frameflow.common.WindowResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link WindowResult}. */
public final class WindowResultSerializer extends ImmutableRecordSerializer<WindowResult> {
    private static final long serialVersionUID = 1L;
    public static final WindowResultSerializer INSTANCE = new WindowResultSerializer();

    /** A guard against corrupt input: far more figures than any kind has. */
    private static final int MAX_VALUES = 1024;

    private static final WindowResult.Kind[] KINDS = WindowResult.Kind.values();

    @Override
    public void serialize(WindowResult w, DataOutputView out) throws IOException {
        out.writeByte(w.kind().ordinal());
        out.writeUTF(w.streamId());
        out.writeLong(w.windowStartMillis());
        out.writeLong(w.windowEndMillis());
        out.writeUTF(w.area());
        out.writeUTF(w.label());
        out.writeInt(w.revision());
        out.writeInt(w.values().size());
        for (Map.Entry<String, Double> e : w.values().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    @Override
    public WindowResult deserialize(DataInputView in) throws IOException {
        WindowResult.Kind kind = KINDS[in.readByte()];
        String stream = in.readUTF();
        long start = in.readLong();
        long end = in.readLong();
        String area = in.readUTF();
        String label = in.readUTF();
        int revision = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > MAX_VALUES) {
            throw new IOException("window result with " + n + " values");
        }
        Map<String, Double> values = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            values.put(in.readUTF(), in.readDouble());
        }
        return new WindowResult(kind, stream, start, end, area, label, revision, values);
    }

    @Override
    public TypeSerializerSnapshot<WindowResult> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowResult> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
