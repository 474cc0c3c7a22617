package io.telejobs.notifier.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreLoadTest {
  @Test
  void everyTaskAfterTheFirstReusesItsLoad() {
    StoreLoad load = new StoreLoad();
    AtomicInteger runs = new AtomicInteger();
    for (int task = 0; task < 3; task++) {
      load.once(runs::incrementAndGet);
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void aLoadThatFailedIsTriedAgainByTheNextTask() {
    StoreLoad load = new StoreLoad();
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> load.once(() -> {
      runs.incrementAndGet();
      throw new IllegalStateException("store closed");
    })).hasMessage("store closed");
    load.once(runs::incrementAndGet);
    load.once(runs::incrementAndGet);
    assertThat(runs).hasValue(2);
  }

  @Test
  void aTaskStartingDuringTheLoadWaitsForItInsteadOfMatchingOnAnEmptyIndex() throws Exception {
    StoreLoad load = new StoreLoad();
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    List<String> events = new CopyOnWriteArrayList<>();
    Thread first = new Thread(() -> load.once(() -> {
      loading.countDown();
      await(finish);
      events.add("loaded");
    }));
    first.start();
    assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> {
      load.once(() -> events.add("loaded again"));
      events.add("second task ready");
    });
    second.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (second.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(second.getState()).isEqualTo(Thread.State.BLOCKED);
    assertThat(events).isEmpty();
    finish.countDown();
    first.join(10_000);
    second.join(10_000);
    assertThat(events).containsExactly("loaded", "second task ready");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
