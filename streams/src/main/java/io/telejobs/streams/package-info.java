/** Kafka Streams plumbing shared by the Streams applications: dead-letter handlers for every kind of failure. */
package io.telejobs.streams;
