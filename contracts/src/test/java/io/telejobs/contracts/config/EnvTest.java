package io.telejobs.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvTest {
  private static final EnvVar DELAY = EnvVar.optional("APP_DELAY", "PT1S", "delay");
  private static final EnvVar PORT = EnvVar.optional("APP_PORT", "8080", "port");

  @Test
  void missingRequiredVariableNamesIt() {
    Env env = new Env(Map.of());
    assertThatThrownBy(env::kafkaProperties)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void kafkaVariablesPassThroughAsClientProperties() {
    Env env = new Env(Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
        "KAFKA_SASL_JAAS_CONFIG", "x",
        "APP_OTHER", "y"));
    assertThat(env.kafkaProperties())
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("sasl.jaas.config", "x")
        .doesNotContainKey("app.other")
        .hasSize(2);
  }

  @ParameterizedTest
  @CsvSource({"PT2S, 2000", "1500, 1500", "PT0.25S, 250"})
  void durationsAreIsoOrMillis(String raw, long millis) {
    assertThat(new Env(Map.of("APP_DELAY", raw)).getDuration(DELAY)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void defaultsApplyWhenUnsetOrBlank() {
    assertThat(new Env(Map.of()).getDuration(DELAY)).isEqualTo(Duration.ofSeconds(1));
    assertThat(new Env(Map.of("APP_PORT", " ")).getInt(PORT)).isEqualTo(8080);
  }

  @Test
  void malformedNumberNamesTheVariable() {
    assertThatThrownBy(() -> new Env(Map.of("APP_PORT", "eighty")).getInt(PORT))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("APP_PORT")
        .hasMessageContaining("eighty");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"9400, 9400", "0, 0", "' 8080 ', 8080", "off, -1", "OFF, -1"})
  void portsOrOff(String raw, int expected) {
    EnvVar port = EnvVar.optional("APP_METRICS_PORT", "9400", "test");
    assertThat(new Env(Map.of("APP_METRICS_PORT", raw)).getPortOrOff(port)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"70000", "-1", "http", "9400x"})
  void aBadPortNamesTheVariable(String raw) {
    EnvVar port = EnvVar.optional("APP_METRICS_PORT", "9400", "test");
    assertThatThrownBy(
            () -> new Env(Map.of("APP_METRICS_PORT", raw)).getPortOrOff(port))
        .isInstanceOf(ConfigException.class).hasMessageContaining("APP_METRICS_PORT").hasMessageContaining(raw);
  }
}
