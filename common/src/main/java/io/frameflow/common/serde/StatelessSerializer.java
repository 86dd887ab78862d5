package io.frameflow.common.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Base for FrameFlow's hand-written serializers: they hold no state, so one instance is safe to
 * share ({@link #duplicate()} returns {@code this}) and two instances of one class are equal; the
 * length is variable; reading into a reused instance reads anew, and a stream copy goes through a
 * deserialize/serialize round trip. Subclasses say how values are copied: {@link
 * ImmutableRecordSerializer} for records, {@link MutableStateSerializer} for mutable state objects.
 */
public abstract class StatelessSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
