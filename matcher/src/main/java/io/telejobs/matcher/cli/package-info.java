/** Offline commands: tag postings from JSON lines with no Kafka. */
package io.telejobs.matcher.cli;
