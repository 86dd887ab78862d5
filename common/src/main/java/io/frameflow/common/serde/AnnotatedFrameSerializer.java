package io.frameflow.common.serde;

import io.frameflow.common.AnnotatedFrame;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer for {@link AnnotatedFrame}: the frame, then the result. Jobs keep annotated
 * frames inside one chained task, where they are passed by reference and this serializer only
 * copies references; it writes bytes only if a job sends them over the network anyway.
 */
public final class AnnotatedFrameSerializer extends ImmutableRecordSerializer<AnnotatedFrame> {
    private static final long serialVersionUID = 1L;
    public static final AnnotatedFrameSerializer INSTANCE = new AnnotatedFrameSerializer();

    @Override
    public void serialize(AnnotatedFrame a, DataOutputView out) throws IOException {
        VideoFrameSerializer.INSTANCE.serialize(a.frame(), out);
        FrameResultSerializer.INSTANCE.serialize(a.result(), out);
    }

    @Override
    public AnnotatedFrame deserialize(DataInputView in) throws IOException {
        return new AnnotatedFrame(
                VideoFrameSerializer.INSTANCE.deserialize(in),
                FrameResultSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<AnnotatedFrame> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for state compatibility checks; the format has one version so far. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AnnotatedFrame> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
