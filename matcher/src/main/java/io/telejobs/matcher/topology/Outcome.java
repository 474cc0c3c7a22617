package io.telejobs.matcher.topology;

import io.telejobs.contracts.MatchedJob;

/** What the tagging step decided for one input record; the topology routes on it. */
sealed interface Outcome {
  /** A posting that matches: publish it. */
  record Publish(MatchedJob job) implements Outcome {}

  /** A posting that closed, or no longer matches, after having matched: publish a tombstone. */
  record Retract(String jobId, String why) implements Outcome {}

  /** A posting that does not match and never did: nothing to publish. */
  record Skip(String jobId) implements Outcome {}

  /** A record that could not be read or tagged: dead-letter it with the cause. */
  record Failed(byte[] value, String stage, Throwable cause) implements Outcome {}
}
