package io.telejobs.notifier.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Delivery records written without waiting for each, then waited for together: the delivery worker sends
 * up to {@link #LIMIT} emails, then waits once for their records, and commits its position only after.
 * What must follow a record being on the log (the observer's {@code afterRecord}) runs after that wait. A
 * crash in between costs at most {@link #LIMIT} emails sent again, each with its own Message-ID, where
 * one record waited for per email cost one; each email no longer waits for a broker round trip.
 */
final class Pending {
  /** Emails sent at most before their records are waited for. */
  static final int LIMIT = 64;

  private final List<Future<RecordMetadata>> writes = new ArrayList<>();
  private final List<Runnable> then = new ArrayList<>();

  void add(Future<RecordMetadata> write, Runnable afterWritten) {
    writes.add(write);
    then.add(afterWritten);
  }

  boolean full() {
    return writes.size() >= LIMIT;
  }

  /** Waits for every record added since the last call, then runs what waited for them, in order. */
  void awaitAll(String topic) {
    List<Future<RecordMetadata>> waiting = new ArrayList<>(writes);
    List<Runnable> run = new ArrayList<>(then);
    writes.clear();
    then.clear();
    for (Future<RecordMetadata> w : waiting) {
      Records.await(w, topic);
    }
    run.forEach(Runnable::run);
  }
}
