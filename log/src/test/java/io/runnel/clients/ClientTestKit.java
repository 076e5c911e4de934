package io.runnel.clients;

import io.runnel.common.serialization.StringDeserializer;
import io.runnel.common.serialization.StringSerializer;
import io.runnel.server.EmbeddedLog;

import java.util.HashMap;
import java.util.Map;

/** Settings shared by the client tests. */
public final class ClientTestKit {

    private ClientTestKit() {
    }

    /**
     * @param log the embedded log
     * @return producer settings with string serializers and no linger
     */
    public static Map<String, Object> producerProps(EmbeddedLog log) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", log.bootstrapServers());
        p.put("key.serializer", StringSerializer.class);
        p.put("value.serializer", StringSerializer.class);
        p.put("linger.ms", 0);
        return p;
    }

    /**
     * @param log   the embedded log
     * @param group the group id, or null
     * @return consumer settings with string deserializers, earliest reset and fast group timings
     */
    public static Map<String, Object> consumerProps(EmbeddedLog log, String group) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", log.bootstrapServers());
        p.put("key.deserializer", StringDeserializer.class);
        p.put("value.deserializer", StringDeserializer.class);
        p.put("auto.offset.reset", "earliest");
        if (group != null) {
            p.put("group.id", group);
        }
        p.put("heartbeat.interval.ms", 100);
        p.put("session.timeout.ms", 6000);
        p.put("fetch.max.wait.ms", 50);
        return p;
    }
}
