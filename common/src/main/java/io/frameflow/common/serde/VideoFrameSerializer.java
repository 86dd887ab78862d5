package io.frameflow.common.serde;

import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link VideoFrame}. Frames are meant to stay inside one chained task; this
 * exists so that a job that does move them (a rebalance, a debugging sink) works, not to make that
 * cheap.
 */
public final class VideoFrameSerializer extends ImmutableRecordSerializer<VideoFrame> {
    private static final long serialVersionUID = 1L;
    public static final VideoFrameSerializer INSTANCE = new VideoFrameSerializer();

    @Override
    public void serialize(VideoFrame f, DataOutputView out) throws IOException {
        out.writeUTF(f.streamId());
        out.writeLong(f.seq());
        out.writeLong(f.ptsMicros());
        out.writeLong(f.captureTimeMillis());
        out.writeByte(f.timeSource().ordinal());
        out.writeInt(f.width());
        out.writeInt(f.height());
        out.writeBoolean(f.damaged());
        out.writeInt(f.bgr().length);
        out.write(f.bgr());
    }

    @Override
    public VideoFrame deserialize(DataInputView in) throws IOException {
        String stream = in.readUTF();
        long seq = in.readLong();
        long pts = in.readLong();
        long capture = in.readLong();
        TimeSource source = TimeSource.values()[in.readByte()];
        int width = in.readInt();
        int height = in.readInt();
        boolean damaged = in.readBoolean();
        byte[] bgr = new byte[in.readInt()];
        in.readFully(bgr);
        return new VideoFrame(stream, seq, pts, capture, source, width, height, damaged, bgr);
    }

    @Override
    public TypeSerializerSnapshot<VideoFrame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<VideoFrame> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
