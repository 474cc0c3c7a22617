package io.telejobs.notifier.alerts;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.subscriptions.SubscriptionIndex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For each matched job, finds the subscriptions it fits and emits one alert per subscriber that has not
 * had this job before. The alerted pairs (subscription x job, kept per job: {@link AlertedPairs}) and the output
 * are committed in one Kafka transaction ({@code exactly_once_v2}), so each pair yields exactly one alert record,
 * across restarts and rebalances.
 */
final class AlertDecider implements Processor<byte[], byte[], String, AlertOutcome> {
  private static final Logger LOG = LoggerFactory.getLogger(AlertDecider.class);
  /** Live jobs held in memory for one run of several current-match requests (more are read per request). */
  static final int LIVE_JOBS_HELD = 10_000;
  /** Pairs of the old one-key-per-subscriber store moved to the per-job store per run (every 500 ms). */
  static final int MIGRATE_PER_RUN = 5_000;

  private final SubscriptionIndex index;
  private final CurrentMatchRequests current;
  private final StoreLoad storeLoad;
  /** How long one run of the current-match requests may take before it leaves the rest to the next. */
  private final long budgetNanos;
  private final Clock clock;
  private ProcessorContext<String, AlertOutcome> context;
  private AlertedPairs alerted;
  private KeyValueStore<String, byte[]> live;
  /** The last current-match request this task has answered (in memory: a restart answers recent ones again). */
  private long cursor;

  AlertDecider(SubscriptionIndex index, CurrentMatchRequests current, StoreLoad storeLoad, Duration budget,
      Clock clock) {
    this.index = index;
    this.current = current;
    this.storeLoad = storeLoad;
    this.budgetNanos = budget.toNanos();
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, AlertOutcome> context) {
    this.context = context;
    this.alerted = new AlertedPairs(context.getStateStore(AlertTopology.ALERTED_BY_JOB_STORE),
        context.getStateStore(AlertTopology.ALERTED_STORE));
    this.live = context.getStateStore(AlertTopology.LIVE_STORE);
    context.schedule(java.time.Duration.ofMillis(500), org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        at -> {
          alerted.migrate(MIGRATE_PER_RUN);
          answerCurrentMatchRequests();
        });
    KeyValueStore<String, byte[]> subscriptions = context.getStateStore(AlertTopology.SUBSCRIPTIONS_STORE);
    // the index is shared by every task of this instance: the first task fills it from the global store (which
    // may have been restored from disk without passing the updater); the others wait for it and reuse it
    storeLoad.once(() -> load(subscriptions));
  }

  private void load(KeyValueStore<String, byte[]> subscriptions) {
    java.util.List<io.telejobs.contracts.Subscription> stored = new java.util.ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = subscriptions.all()) {
      while (it.hasNext()) {
        KeyValue<String, byte[]> kv = it.next();
        try {
          stored.add(Topics.SUBSCRIPTIONS.valueSerde().deserializer().deserialize(Topics.SUBSCRIPTIONS.name(), kv.value));
        } catch (RuntimeException e) {
          LOG.warn("skipping unreadable stored subscription {}: {}", kv.key, e.getMessage());
        }
      }
    }
    index.upsertAll(stored);
    LOG.info("subscription index ready: {} stored, {} active", stored.size(), index.size());
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    if (record.value() == null) {
      if (record.key() != null) {
        live.delete(new String(record.key(), StandardCharsets.UTF_8));
      }
      return; // a closed job: nothing new to alert
    }
    MatchedJob job;
    try {
      job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), record.value());
    } catch (RuntimeException e) {
      RecordMetadata m = context.recordMetadata().orElse(null);
      LOG.warn("dead-lettering unreadable matched job: {}", e.getMessage());
      context.forward(new Record<String, AlertOutcome>(
          record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
          new AlertOutcome.Failed(record.key(), record.value()), record.timestamp(),
          DeadLetters.headers(record.headers(), "notifier", "deserialize", e, m == null ? null : m.topic(),
              m == null ? -1 : m.partition(), m == null ? -1 : m.offset())));
      return;
    }
    live.put(job.jobId(), record.value());
    List<Subscription> fits = index.matching(job);
    long now = clock.millis();
    java.time.Instant decidedAt = clock.instant();
    MatchedJob compact = job.withoutKeywords(); // one instance for every alert: its JSON is written once
    java.util.Set<String> had = fits.isEmpty() ? java.util.Set.of() : alerted.subscribersOf(job.jobId());
    for (Subscription s : fits) {
      if (alerted.had(had, s.id(), job.jobId())) {
        continue;
      }
      alerted.mark(s.id(), job.jobId(), now);
      Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(s.id(), job.jobId()), s, compact, List.of(), decidedAt);
      context.forward(new Record<>(s.id(), new AlertOutcome.Emit(alert), record.timestamp()));
    }
  }

  /**
   * Matches each subscription that was just confirmed or changed against this task's live jobs, and decides
   * each fitting job that this subscriber has not had as a "current" alert: the delivery side sends them
   * together, best first, in one email. Runs in the task's transaction, so the alerted pairs and the alerts
   * are committed together, exactly as for new jobs. The live jobs are read once per run when there are several
   * requests and at most {@link #LIVE_JOBS_HELD} jobs (else once per request), and a run stops after its time
   * budget (the rest wait for the next run, 500 ms later): many requests at once (a restart soon after
   * an import of subscriptions) would otherwise keep one transaction open past the broker's transaction timeout,
   * which aborts it and fences the task, over and over.
   */
  private void answerCurrentMatchRequests() {
    List<CurrentMatchRequests.Request> requests = current.after(cursor);
    if (requests.isEmpty()) {
      return;
    }
    long stopAt = System.nanoTime() + budgetNanos;
    List<MatchedJob> held = requests.size() > 1 ? liveJobsIfFew() : null;
    for (CurrentMatchRequests.Request request : requests) {
      cursor = request.seq();
      Subscription s = request.subscription();
      long now = clock.millis();
      int[] found = {0};
      java.util.function.Consumer<MatchedJob> decide = job -> found[0] += decideCurrent(s, job, now);
      if (held != null) {
        held.forEach(decide);
      } else {
        forEachLiveJob(Integer.MAX_VALUE, decide);
      }
      if (found[0] > 0) {
        LOG.info("subscription {}: {} live job(s) fit it now in this task", s.id(), found[0]);
      }
      if (System.nanoTime() - stopAt >= 0) {
        break;
      }
    }
  }

  /** The live jobs, read once for several requests, unless there are more than {@link #LIVE_JOBS_HELD}. */
  private List<MatchedJob> liveJobsIfFew() {
    if (live.approximateNumEntries() > LIVE_JOBS_HELD) {
      return null;
    }
    List<MatchedJob> jobs = new java.util.ArrayList<>();
    forEachLiveJob(LIVE_JOBS_HELD + 1, jobs::add);
    return jobs.size() > LIVE_JOBS_HELD ? null : jobs;
  }

  /** Reads up to {@code limit} live jobs, one at a time; one that cannot be read is dropped from the store. */
  private void forEachLiveJob(int limit, java.util.function.Consumer<MatchedJob> each) {
    int read = 0;
    try (KeyValueIterator<String, byte[]> it = live.all()) {
      while (it.hasNext() && read < limit) {
        KeyValue<String, byte[]> kv = it.next();
        MatchedJob job;
        try {
          job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), kv.value);
        } catch (RuntimeException e) {
          live.delete(kv.key); // cannot be read now, could not have been stored readable: drop it
          continue;
        }
        read++;
        each.accept(job);
      }
    }
  }

  /** Decides a "current" alert for {@code s} and {@code job}; 1 if one was sent, else 0. */
  private int decideCurrent(Subscription s, MatchedJob job, long now) {
    if (!io.telejobs.notifier.subscriptions.SubscriptionMatcher.matches(s, job)) {
      return 0;
    }
    if (alerted.had(s.id(), job.jobId())) {
      return 0;
    }
    alerted.mark(s.id(), job.jobId(), now);
    Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(s.id(), job.jobId()), s, job, List.of(),
        clock.instant(), true);
    context.forward(new Record<>(s.id(), new AlertOutcome.Emit(alert), now));
    return 1;
  }
}
