/** Offline commands: extract postings from a URL or a saved page, with no Kafka. */
package io.telejobs.ingest.cli;
