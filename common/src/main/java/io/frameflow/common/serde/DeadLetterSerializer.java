package io.frameflow.common.serde;

import io.frameflow.common.DeadLetter;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link DeadLetter}. */
public final class DeadLetterSerializer extends ImmutableRecordSerializer<DeadLetter> {
    private static final long serialVersionUID = 1L;
    public static final DeadLetterSerializer INSTANCE = new DeadLetterSerializer();

    @Override
    public void serialize(DeadLetter d, DataOutputView out) throws IOException {
        out.writeUTF(d.streamId());
        out.writeLong(d.seq());
        out.writeUTF(d.stage());
        // writeUTF is limited to 64 KB; a reason is one line, but a native message can be long
        StringSerializerUtil.writeLong(d.reason(), out);
        out.writeBoolean(d.fatal());
        out.writeLong(d.timeMillis());
    }

    @Override
    public DeadLetter deserialize(DataInputView in) throws IOException {
        return new DeadLetter(
                in.readUTF(),
                in.readLong(),
                in.readUTF(),
                StringSerializerUtil.readLong(in),
                in.readBoolean(),
                in.readLong());
    }

    @Override
    public TypeSerializerSnapshot<DeadLetter> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<DeadLetter> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
