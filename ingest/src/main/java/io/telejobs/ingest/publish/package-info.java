/** The only Kafka producer of ingest: postings, tombstones and crawl errors. */
package io.telejobs.ingest.publish;
