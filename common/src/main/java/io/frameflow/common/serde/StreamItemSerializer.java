package io.frameflow.common.serde;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StreamItem;
import io.frameflow.common.VideoFrame;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink serializer for {@link StreamItem}: a tag byte, then the frame or the dead letter. */
public final class StreamItemSerializer extends ImmutableRecordSerializer<StreamItem> {
    private static final long serialVersionUID = 1L;
    public static final StreamItemSerializer INSTANCE = new StreamItemSerializer();

    private static final byte FRAME = 0;
    private static final byte DEAD_LETTER = 1;

    @Override
    public void serialize(StreamItem item, DataOutputView out) throws IOException {
        if (item instanceof VideoFrame frame) {
            out.writeByte(FRAME);
            VideoFrameSerializer.INSTANCE.serialize(frame, out);
        } else {
            out.writeByte(DEAD_LETTER);
            DeadLetterSerializer.INSTANCE.serialize((DeadLetter) item, out);
        }
    }

    @Override
    public StreamItem deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case FRAME -> VideoFrameSerializer.INSTANCE.deserialize(in);
            case DEAD_LETTER -> DeadLetterSerializer.INSTANCE.deserialize(in);
            default -> throw new IOException("unknown StreamItem tag " + tag);
        };
    }

    @Override
    public TypeSerializerSnapshot<StreamItem> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<StreamItem> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
