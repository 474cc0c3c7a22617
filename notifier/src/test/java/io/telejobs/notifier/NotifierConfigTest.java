package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NotifierConfigTest {
  private static final Map<String, String> BASE = Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
      "APP_TOKEN_SECRET", "a-secret-of-at-least-32-characters-0123");

  @Test
  void theDecisionAppSendsLargeBatchesUnlessTheEnvironmentSaysOtherwise() {
    assertThat(NotifierConfig.fromEnv(BASE).streams().getProperty("producer.batch.size"))
        .isEqualTo(Integer.toString(NotifierConfig.DECISION_BATCH_BYTES));
    Map<String, String> own = new java.util.HashMap<>(BASE);
    own.put("KAFKA_PRODUCER_BATCH_SIZE", "65536");
    assertThat(NotifierConfig.fromEnv(own).streams().getProperty("producer.batch.size")).isEqualTo("65536");
  }

  @Test
  void deliveryLanesDefaultToFourAndOutOfRangeCountsAreRefusedInWords() {
    assertThat(NotifierConfig.fromEnv(BASE).deliveryLanes()).isEqualTo(4);
    for (String bad : new String[] {"0", "33"}) {
      Map<String, String> env = new java.util.HashMap<>(BASE);
      env.put("APP_DELIVERY_LANES", bad);
      assertThatThrownBy(() -> NotifierConfig.fromEnv(env))
          .hasMessage("APP_DELIVERY_LANES must be between 1 and 32, was " + bad);
    }
    Map<String, String> one = new java.util.HashMap<>(BASE);
    one.put("APP_DELIVERY_LANES", "1");
    assertThat(NotifierConfig.fromEnv(one).deliveryLanes()).isEqualTo(1);
  }
}
