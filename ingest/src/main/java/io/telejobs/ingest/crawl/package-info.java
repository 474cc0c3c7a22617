/** Crawl orchestration: seeds, links, URL canonicalisation, change detection and the crawl report. */
package io.telejobs.ingest.crawl;
