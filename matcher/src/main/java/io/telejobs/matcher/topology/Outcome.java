package io.telejobs.matcher.topology;


/** What the tagging step decided for one input record; the topology routes on it. */
sealed interface Outcome {
  /** A posting that matches: publish it, grouped with the same job from other sources. */
  record Publish(String jobId, Member member, String identity) implements Outcome {}

  /** A posting that closed, or no longer matches, after having matched: take it out of its group. */
  record Retract(String jobId, String identity) implements Outcome {}

  /** A record that could not be read or tagged: dead-letter it with the cause. */
  record Failed(byte[] value, String stage, Throwable cause) implements Outcome {}
}
