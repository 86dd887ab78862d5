package io.frameflow.common.serde;

/**
 * Base for serializers of FrameFlow's immutable records: copies return the same instance. The rest
 * of the contract (stateless, shared, variable length) comes from {@link StatelessSerializer}.
 */
public abstract class ImmutableRecordSerializer<T> extends StatelessSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public T createInstance() {
        // Records have no empty instance; Flink only asks for one with mutable types.
        return null;
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }
}
