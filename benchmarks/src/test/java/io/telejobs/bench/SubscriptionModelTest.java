package io.telejobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.notifier.subscriptions.JobFacts;
import io.telejobs.notifier.subscriptions.MatchIndex;
import io.telejobs.notifier.subscriptions.SubscriptionMatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On a small model, the bitmap index and the naive scan find exactly the same subscriptions. */
class SubscriptionModelTest {
  @Test
  void indexAndNaiveScanAgreeOnEveryJob() {
    SubscriptionModel model = new SubscriptionModel();
    List<MatchIndex.Entry> subs = model.subscriptions(5_000, 3);
    List<JobFacts> jobs = model.jobs(400, 5);
    MatchIndex index = MatchIndex.build(subs);
    long total = 0;
    for (JobFacts job : jobs) {
      List<String> naive = new ArrayList<>();
      for (MatchIndex.Entry e : subs) {
        if (SubscriptionMatcher.matches(e.criteria(), job)) {
          naive.add(e.id());
        }
      }
      List<String> indexed = new ArrayList<>();
      for (int ord : index.match(job).toArray()) {
        indexed.add(index.id(ord));
      }
      assertThat(indexed).containsExactlyInAnyOrderElementsOf(naive);
      total += naive.size();
    }
    double perJob = (double) total / jobs.size() / subs.size();
    assertThat(perJob).as("share of subscriptions matching a job, about 10%% in the model").isBetween(0.03, 0.2);
  }
}
