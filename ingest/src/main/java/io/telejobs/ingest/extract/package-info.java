/** Parsers that turn a fetched page into postings; they do no I/O. */
package io.telejobs.ingest.extract;
