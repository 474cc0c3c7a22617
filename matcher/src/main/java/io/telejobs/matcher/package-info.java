/** Matcher: tags postings against a role profile in Kafka Streams. {@link io.telejobs.matcher.MatcherApp} holds main. */
package io.telejobs.matcher;
