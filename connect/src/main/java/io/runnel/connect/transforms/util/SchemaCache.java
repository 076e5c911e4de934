package io.runnel.connect.transforms.util;

import io.runnel.connect.data.Schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small LRU cache from input schemas to the schemas a transformation derives from them (16 entries, as Kafka
 * Connect's transformations keep), so the derived schema is built once per input schema and equal records get
 * equal (and identical) schemas. Thread-safe.
 */
public final class SchemaCache {

    private static final int SIZE = 16;

    private final Map<Schema, Schema> cache = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Schema, Schema> eldest) {
            return size() > SIZE;
        }
    };

    /** Creates an empty cache. */
    public SchemaCache() {
    }

    /**
     * @param schema  an input schema
     * @param builder derives the output schema when it is not cached
     * @return the derived schema
     */
    public synchronized Schema get(Schema schema, Function<Schema, Schema> builder) {
        Schema cached = cache.get(schema);
        if (cached == null) {
            cached = builder.apply(schema);
            cache.put(schema, cached);
        }
        return cached;
    }
}
