package io.frameflow.common.serde;

import io.frameflow.common.EncodedPacket;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoCodec;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link EncodedPacket}; also the form packets take in checkpointed state. */
public final class EncodedPacketSerializer extends ImmutableRecordSerializer<EncodedPacket> {
    private static final long serialVersionUID = 1L;
    public static final EncodedPacketSerializer INSTANCE = new EncodedPacketSerializer();

    @Override
    public void serialize(EncodedPacket p, DataOutputView out) throws IOException {
        out.writeUTF(p.streamId());
        out.writeLong(p.seq());
        out.writeByte(p.codec().ordinal());
        out.writeLong(p.ptsMicros());
        out.writeLong(p.captureTimeMillis());
        out.writeByte(p.timeSource().ordinal());
        out.writeBoolean(p.keyframe());
        out.writeInt(p.chunkIndex());
        out.writeInt(p.chunkCount());
        writeBytes(p.codecParams(), out);
        writeBytes(p.data(), out);
    }

    @Override
    public EncodedPacket deserialize(DataInputView in) throws IOException {
        String stream = in.readUTF();
        long seq = in.readLong();
        VideoCodec codec = VideoCodec.values()[in.readByte()];
        long pts = in.readLong();
        long capture = in.readLong();
        TimeSource source = TimeSource.values()[in.readByte()];
        boolean keyframe = in.readBoolean();
        int chunkIndex = in.readInt();
        int chunkCount = in.readInt();
        byte[] params = readBytes(in);
        byte[] data = readBytes(in);
        return new EncodedPacket(
                stream,
                seq,
                codec,
                pts,
                capture,
                source,
                keyframe,
                params,
                chunkIndex,
                chunkCount,
                data);
    }

    private static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    @Override
    public TypeSerializerSnapshot<EncodedPacket> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<EncodedPacket> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
