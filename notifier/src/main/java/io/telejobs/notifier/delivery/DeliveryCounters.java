package io.telejobs.notifier.delivery;

import java.util.concurrent.atomic.AtomicInteger;

/** What the delivery and retry workers did, for metrics and tests. */
public final class DeliveryCounters {
  public final AtomicInteger sent = new AtomicInteger();
  public final AtomicInteger duplicatesSkipped = new AtomicInteger();
  public final AtomicInteger failedAttempts = new AtomicInteger();
  public final AtomicInteger retriesScheduled = new AtomicInteger();
  public final AtomicInteger deadLettered = new AtomicInteger();
  public final AtomicInteger cancelled = new AtomicInteger();
  public final AtomicInteger rateLimited = new AtomicInteger();
}
