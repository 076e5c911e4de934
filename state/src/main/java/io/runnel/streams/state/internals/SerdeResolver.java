package io.runnel.streams.state.internals;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.serialization.Serde;
import io.runnel.streams.errors.StreamsException;
import io.runnel.streams.processor.StateStoreContext;

/** Picks a store's serde: the one given to the builder, else {@code default.key.serde}/{@code default.value.serde}. */
final class SerdeResolver {

    static final String DEFAULT_KEY_SERDE = "default.key.serde";
    static final String DEFAULT_VALUE_SERDE = "default.value.serde";

    private SerdeResolver() {
    }

    @SuppressWarnings("unchecked") // the configured class is the user's promise of the store's type, as in Kafka
    static <T> Serde<T> resolve(Serde<T> given, StateStoreContext context, boolean isKey, String storeName) {
        if (given != null) {
            return given;
        }
        String setting = isKey ? DEFAULT_KEY_SERDE : DEFAULT_VALUE_SERDE;
        Object configured = context.appConfigs().get(setting);
        if (configured == null) {
            throw new StreamsException("Store " + storeName + " has no " + (isKey ? "key" : "value") + " serde: pass"
                    + " one to the store builder or set " + setting);
        }
        Class<?> type;
        if (configured instanceof Class<?> c) {
            type = c;
        } else {
            try {
                type = Class.forName(configured.toString().trim(), true, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new StreamsException(setting + " class " + configured + " not found (store " + storeName + ")",
                        e);
            }
        }
        Serde<T> serde = AbstractConfig.newInstance(type, Serde.class, setting);
        serde.configure(context.appConfigs(), isKey);
        return serde;
    }

    static String changelogTopic(StateStoreContext context, String storeName) {
        return context.applicationId() + "-" + storeName + "-changelog";
    }
}
