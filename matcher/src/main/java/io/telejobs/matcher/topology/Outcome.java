package io.telejobs.matcher.topology;


/** What the tagging step decided for one input record; the topology routes on it. */
sealed interface Outcome {
  /**
   * A posting that matches: publish it, grouped with the same job from other sources.
   *
   * @param movedIn it left another group, here or in another partition (its company changed), which may have
   *     published it under its id
   */
  record Publish(String jobId, Member member, String identity, boolean movedIn) implements Outcome {}

  /**
   * A posting that closed, or no longer matches, after having matched: take it out of its group.
   *
   * @param identity its group, or null for a posting that moved in and does not match: its id is tombstoned
   * @param movedAway it left for another group, here or in another partition, which now speaks for its id
   */
  record Retract(String jobId, String identity, boolean movedAway) implements Outcome {}

  /** A record that could not be read or tagged: dead-letter it with the cause. */
  record Failed(byte[] value, String stage, Throwable cause) implements Outcome {}
}
