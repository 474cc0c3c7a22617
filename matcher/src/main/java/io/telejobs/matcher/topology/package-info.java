/** The Kafka Streams topology; it only routes. */
package io.telejobs.matcher.topology;
