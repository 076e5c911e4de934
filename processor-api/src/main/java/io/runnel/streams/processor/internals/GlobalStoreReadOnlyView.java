package io.runnel.streams.processor.internals;

import io.runnel.streams.KeyValue;
import io.runnel.streams.processor.StateStore;
import io.runnel.streams.processor.internals.query.ListKeyValueIterator;
import io.runnel.streams.state.KeyValueIterator;
import io.runnel.streams.state.WindowStoreIterator;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * What a stream task's processor gets for a global store: the store's interfaces, read-only, each call made under
 * the global thread's lock (stores are single-threaded and the global thread writes them concurrently). Iterators
 * are copied out under the lock. Writes and lifecycle calls throw {@link UnsupportedOperationException}: only the
 * global processor updates a global store (Kafka's rule).
 */
final class GlobalStoreReadOnlyView implements InvocationHandler {

    private static final Set<String> FORBIDDEN = Set.of("put", "putIfAbsent", "putAll", "delete", "remove", "init",
            "flush", "close", "setFlushListener");

    private final StateStore store;
    private final Lock lock;

    private GlobalStoreReadOnlyView(StateStore store, Lock lock) {
        this.store = store;
        this.lock = lock;
    }

    /**
     * @param store a global store
     * @param lock  the global thread's lock
     * @return a proxy implementing every interface of the store
     */
    static StateStore wrap(StateStore store, Lock lock) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = store.getClass(); c != null; c = c.getSuperclass()) {
            collect(c, interfaces);
        }
        return (StateStore) Proxy.newProxyInstance(GlobalStoreReadOnlyView.class.getClassLoader(),
                interfaces.toArray(new Class<?>[0]), new GlobalStoreReadOnlyView(store, lock));
    }

    private static void collect(Class<?> c, Set<Class<?>> out) {
        for (Class<?> i : c.getInterfaces()) {
            if (java.lang.reflect.Modifier.isPublic(i.getModifiers()) && out.add(i)) {
                collect(i, out);
            }
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "GlobalStoreReadOnlyView(" + store.name() + ")";
            };
        }
        if (FORBIDDEN.contains(method.getName())) {
            throw new UnsupportedOperationException("Global store " + store.name() + " is read-only for stream"
                    + " tasks: only its global processor updates it (" + method.getName() + " is not allowed)");
        }
        lock.lock();
        try {
            Object result = method.invoke(store, args);
            if (result instanceof KeyValueIterator<?, ?> it) {
                List<KeyValue<Object, Object>> copy = new ArrayList<>();
                try (it) {
                    while (it.hasNext()) {
                        @SuppressWarnings("unchecked") // entries are copied as they are
                        KeyValue<Object, Object> kv = (KeyValue<Object, Object>) it.next();
                        copy.add(kv);
                    }
                }
                if (WindowStoreIterator.class.isAssignableFrom(method.getReturnType())) {
                    List<KeyValue<Long, Object>> windows = new ArrayList<>();
                    copy.forEach(kv -> windows.add(KeyValue.pair((Long) kv.key, kv.value)));
                    return new ListKeyValueIterator.Window<>(windows);
                }
                return new ListKeyValueIterator<>(copy);
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            lock.unlock();
        }
    }
}
