/** The sources file: which sites to crawl and how. */
package io.telejobs.ingest.source;
