package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingTest {
  private static CompletableFuture<RecordMetadata> written() {
    return CompletableFuture.completedFuture(new RecordMetadata(new TopicPartition("deliveries.v1", 0), 0, 0, 0, 0, 0));
  }

  @Test
  void whatWaitsForTheRecordsRunsAfterThemInOrder() {
    Pending pending = new Pending();
    List<String> ran = new ArrayList<>();
    CompletableFuture<RecordMetadata> late = new CompletableFuture<>();
    pending.add(written(), () -> ran.add("a"));
    pending.add(late, () -> ran.add("b"));
    assertThat(ran).isEmpty();
    late.complete(written().join());
    pending.awaitAll("deliveries.v1");
    assertThat(ran).containsExactly("a", "b");
    pending.awaitAll("deliveries.v1"); // nothing added since: nothing runs again
    assertThat(ran).containsExactly("a", "b");
  }

  @Test
  void aFailedWriteIsALogWriteExceptionAndNothingAfterItRuns() {
    Pending pending = new Pending();
    List<String> ran = new ArrayList<>();
    pending.add(CompletableFuture.failedFuture(new IllegalStateException("broker gone")), () -> ran.add("a"));
    assertThatThrownBy(() -> pending.awaitAll("deliveries.v1")).isInstanceOf(LogWriteException.class)
        .hasMessageContaining("deliveries.v1").hasMessageContaining("broker gone");
    assertThat(ran).isEmpty();
    pending.add(written(), () -> ran.add("b"));
    pending.awaitAll("deliveries.v1"); // the failed batch is gone: only what came after it runs
    assertThat(ran).containsExactly("b");
  }

  @Test
  void fullAtItsLimit() {
    Pending pending = new Pending();
    for (int i = 0; i < Pending.LIMIT - 1; i++) {
      pending.add(written(), () -> { });
    }
    assertThat(pending.full()).isFalse();
    pending.add(written(), () -> { });
    assertThat(pending.full()).isTrue();
    pending.awaitAll("deliveries.v1");
    assertThat(pending.full()).isFalse();
  }
}
