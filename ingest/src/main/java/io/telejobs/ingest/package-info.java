/** Ingest: crawls job sources politely and publishes postings to Kafka. {@link io.telejobs.ingest.IngestApp} holds main. */
package io.telejobs.ingest;
