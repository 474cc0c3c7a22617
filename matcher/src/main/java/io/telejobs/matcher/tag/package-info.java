/** The tagger: one posting in, every tag with its reasons out. */
package io.telejobs.matcher.tag;
