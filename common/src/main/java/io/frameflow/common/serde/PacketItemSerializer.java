package io.frameflow.common.serde;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.EncodedPacket;
import io.frameflow.common.PacketItem;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link PacketItem}: a tag byte, then the packet or the dead letter. */
public final class PacketItemSerializer extends ImmutableRecordSerializer<PacketItem> {
    private static final long serialVersionUID = 1L;
    public static final PacketItemSerializer INSTANCE = new PacketItemSerializer();

    private static final byte PACKET = 0;
    private static final byte DEAD_LETTER = 1;

    @Override
    public void serialize(PacketItem item, DataOutputView out) throws IOException {
        if (item instanceof EncodedPacket packet) {
            out.writeByte(PACKET);
            EncodedPacketSerializer.INSTANCE.serialize(packet, out);
        } else {
            out.writeByte(DEAD_LETTER);
            DeadLetterSerializer.INSTANCE.serialize((DeadLetter) item, out);
        }
    }

    @Override
    public PacketItem deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case PACKET -> EncodedPacketSerializer.INSTANCE.deserialize(in);
            case DEAD_LETTER -> DeadLetterSerializer.INSTANCE.deserialize(in);
            default -> throw new IOException("unknown PacketItem tag " + tag);
        };
    }

    @Override
    public TypeSerializerSnapshot<PacketItem> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PacketItem> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
