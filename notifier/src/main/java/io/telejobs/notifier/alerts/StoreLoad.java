package io.telejobs.notifier.alerts;

/**
 * Runs a load once for every task of an instance. The decision tasks share one subscription index; filling it
 * from the global store takes seconds at a million subscriptions, so the first task to start does it and the
 * others wait for it to finish instead of each loading and rebuilding it again. A load that fails is tried again by
 * the next task.
 */
final class StoreLoad {
  private boolean done;

  /** Runs {@code load} unless a previous call completed it; a concurrent caller waits for the one running. */
  synchronized void once(Runnable load) {
    if (!done) {
      load.run();
      done = true;
    }
  }
}
