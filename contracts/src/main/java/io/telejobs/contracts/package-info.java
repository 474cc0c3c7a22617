/** Event records, their JSON serdes and the versioned Kafka topics that carry them. */
package io.telejobs.contracts;
