package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.testkit.KafkaFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/** A real notifier service for integration tests: its environment, a free API port, and a wait until it is ready. */
final class TestNotifier {
  static final String SECRET = "integration-test-secret-0123456789abcdef";

  private TestNotifier() {}

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The environment of a notifier on {@code kafka} sending to the SMTP server on {@code smtpPort}. */
  static Map<String, String> env(KafkaFixture kafka, Path state, int smtpPort, int apiPort) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_STATE_DIR", state.toString());
    env.put("APP_SMTP_HOST", "127.0.0.1");
    env.put("APP_SMTP_PORT", Integer.toString(smtpPort));
    env.put("APP_TOKEN_SECRET", SECRET);
    env.put("APP_HTTP_PORT", Integer.toString(apiPort));
    env.put("APP_PUBLIC_URL", "http://127.0.0.1:" + apiPort);
    env.put("APP_WEBHOOK_ALLOWLIST", "127.0.0.1");
    env.put("APP_METRICS_PORT", "off");
    return env;
  }

  /** Starts a notifier and waits until its topology runs and its workers and API view are ready. */
  static NotifierService start(Map<String, String> env) throws InterruptedException {
    NotifierService notifier = new NotifierService(NotifierConfig.fromEnv(env), env);
    notifier.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (notifier.state() != KafkaStreams.State.RUNNING || !notifier.worker().awaitReady(Duration.ofMillis(100))
        || !notifier.retryWorker().awaitReady(Duration.ofMillis(100))) {
      assertThat(System.nanoTime()).as("notifier ready in 60 s").isLessThan(deadline);
    }
    assertThat(notifier.subscriptions().awaitReady(Duration.ofSeconds(30))).isTrue();
    return notifier;
  }
}
