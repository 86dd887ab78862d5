package io.frameflow.common.serde;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.TimeSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link FrameResult}: the record that crosses the network to the sinks. */
public final class FrameResultSerializer extends ImmutableRecordSerializer<FrameResult> {
    private static final long serialVersionUID = 1L;
    public static final FrameResultSerializer INSTANCE = new FrameResultSerializer();

    @Override
    public void serialize(FrameResult r, DataOutputView out) throws IOException {
        out.writeUTF(r.streamId());
        out.writeLong(r.seq());
        out.writeLong(r.ptsMicros());
        out.writeLong(r.captureTimeMillis());
        out.writeByte(r.timeSource().ordinal());
        out.writeInt(r.width());
        out.writeInt(r.height());
        out.writeBoolean(r.damaged());
        out.writeUTF(r.model());
        out.writeInt(r.detections().size());
        for (Detection d : r.detections()) {
            out.writeUTF(d.label());
            out.writeInt(d.classId());
            out.writeFloat(d.score());
            out.writeFloat(d.x1());
            out.writeFloat(d.y1());
            out.writeFloat(d.x2());
            out.writeFloat(d.y2());
        }
    }

    @Override
    public FrameResult deserialize(DataInputView in) throws IOException {
        String stream = in.readUTF();
        long seq = in.readLong();
        long pts = in.readLong();
        long capture = in.readLong();
        TimeSource source = TimeSource.values()[in.readByte()];
        int width = in.readInt();
        int height = in.readInt();
        boolean damaged = in.readBoolean();
        String model = in.readUTF();
        int n = in.readInt();
        List<Detection> detections = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            detections.add(
                    new Detection(
                            in.readUTF(),
                            in.readInt(),
                            in.readFloat(),
                            in.readFloat(),
                            in.readFloat(),
                            in.readFloat(),
                            in.readFloat()));
        }
        return new FrameResult(
                stream, seq, pts, capture, source, width, height, damaged, model, detections);
    }

    @Override
    public TypeSerializerSnapshot<FrameResult> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FrameResult> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
