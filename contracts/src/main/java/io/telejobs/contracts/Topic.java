package io.telejobs.contracts;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic's name with the serdes of its key and value, so that producer and consumer never disagree.
 *
 * @param name versioned topic name
 * @param keySerde key serde
 * @param valueSerde value serde
 * @param compacted whether the topic is log-compacted (latest value per key; tombstones delete)
 * @param schema the JSON Schema file under {@code /schemas} for the value, or null for raw values
 */
public record Topic<K, V>(
    String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, String schema) {}
