package io.telejobs.notifier.delivery;

import io.telejobs.contracts.TopicFollower;
import io.telejobs.contracts.Topics;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which matched jobs are closed right now: the tombstones of {@code jobs.matched.v2}, caught up before
 * every batch, so that an alert for a job that closed before it could be delivered is not sent.
 */
final class ClosedJobs implements AutoCloseable {
  private final Set<String> closed = ConcurrentHashMap.newKeySet();
  private final TopicFollower follower;

  ClosedJobs(Properties kafka) {
    this.follower = new TopicFollower(kafka, Topics.MATCHED.name());
  }

  /** Reads every matched-job record written so far. */
  void catchUp() {
    follower.catchUp(r -> {
      if (r.key() == null) {
        return;
      }
      if (r.value() == null) {
        closed.add(r.key());
      } else {
        closed.remove(r.key());
      }
    });
  }

  boolean isClosed(String jobId) {
    return closed.contains(jobId);
  }

  @Override
  public void close() {
    follower.close();
  }
}
