package io.runnel.streams.state.internals;

import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.StateStoreContext;

/**
 * The base of every decorator layer (typed, caching, change logging): delegates the lifecycle to the wrapped store.
 *
 * @param <S> the wrapped store type
 */
public abstract class WrappedStateStore<S extends StateStore> implements StateStore {

    private final S wrapped;

    /** @param wrapped the store below this layer */
    protected WrappedStateStore(S wrapped) {
        this.wrapped = wrapped;
    }

    /** @return the store below this layer */
    public S wrapped() {
        return wrapped;
    }

    @Override
    public String name() {
        return wrapped.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        wrapped.init(context, root);
    }

    @Override
    public void flush() {
        wrapped.flush();
    }

    @Override
    public void close() {
        wrapped.close();
    }

    @Override
    public boolean persistent() {
        return wrapped.persistent();
    }

    @Override
    public boolean isOpen() {
        return wrapped.isOpen();
    }

    /**
     * @param <T>   the layer type
     * @param store the outermost store
     * @param type  the layer looked for
     * @return the first layer of that type from the outside in, or null
     */
    public static <T> T findLayer(StateStore store, Class<T> type) {
        StateStore current = store;
        while (true) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (!(current instanceof WrappedStateStore<?> w)) {
                return null;
            }
            current = w.wrapped();
        }
    }
}
