package io.fleetdiag.topics;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic: its name, the serdes of its keys and values, and the topic configuration it is created
 * with. Code reads and writes a topic through this object, never through a bare name.
 */
public record Topic<K, V>(String name, Class<V> valueType, Serde<K> keySerde, Serde<V> valueSerde,
                          Map<String, String> config) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        config = Map.copyOf(config);
    }

    public boolean compacted() {
        return "compact".equals(config.get("cleanup.policy"));
    }
}
