/** A real single-node KRaft Kafka broker run in-process from the Maven Central artifacts. */
package io.telejobs.broker;
