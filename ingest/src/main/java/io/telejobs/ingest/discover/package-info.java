/** Finding out which system serves a career site's jobs, and the sources-file entry that reads it. */
package io.telejobs.ingest.discover;
