package io.frameflow.common.serde;

/**
 * Base for serializers of mutable state objects that operators change in place (a tracker's tracks,
 * a window's running tally): a copy is a deep copy made by the subclass, and a reused instance is
 * never written into.
 */
public abstract class MutableStateSerializer<T> extends StatelessSerializer<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }
}
