/** HTTP fetching: robots.txt, per-host politeness, timeouts and size limits. */
package io.telejobs.ingest.fetch;
