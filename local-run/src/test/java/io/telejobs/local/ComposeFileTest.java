package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Topic;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.config.EnvVar;
import io.telejobs.ingest.IngestConfig;
import io.telejobs.ingest.source.SourcesFile;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.notifier.NotifierConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks it against the code: every
 * variable a service is given is one it reads, every required variable is given, the images run the
 * right main class, and the topics it creates are the topics the code uses.
 */
class ComposeFileTest {
  private static Map<String, Object> services;
  private static String raw;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    Path file = projectRoot().resolve("docker-compose.yml");
    raw = Files.readString(file);
    try (Reader r = Files.newBufferedReader(file)) {
      Map<String, Object> root = new Yaml().load(r);
      services = (Map<String, Object>) root.get("services");
    }
  }

  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("project root (with mvnw) not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String service) {
    Map<String, Object> s = (Map<String, Object>) services.get(service);
    assertThat(s).as("service %s in docker-compose.yml", service).isNotNull();
    Map<String, Object> env = (Map<String, Object>) s.get("environment");
    return env.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }

  private static final Set<String> KAFKA_CLIENT_KEYS = new HashSet<>();

  static {
    KAFKA_CLIENT_KEYS.addAll(ProducerConfig.configNames());
    KAFKA_CLIENT_KEYS.addAll(ConsumerConfig.configNames());
    KAFKA_CLIENT_KEYS.addAll(AdminClientConfig.configNames());
    KAFKA_CLIENT_KEYS.addAll(StreamsConfig.configDef().names());
  }

  private static List<EnvVar> variablesOf(String service) {
    return switch (service) {
      case "ingest" -> IngestConfig.variables();
      case "matcher" -> MatcherConfig.variables();
      case "notifier" -> NotifierConfig.variables();
      case "analytics" -> io.telejobs.analytics.AnalyticsConfig.variables();
      default -> throw new IllegalArgumentException(service);
    };
  }

  @ParameterizedTest
  @CsvSource({"ingest", "matcher", "notifier", "analytics"})
  void everyVariableSetIsOneTheServiceReads(String service) {
    Map<String, String> env = environment(service);
    Set<String> known = variablesOf(service).stream().map(EnvVar::name).collect(Collectors.toSet());
    if (service.equals("ingest")) {
      known.addAll(SourcesFile.variablesUsed(env.get(IngestConfig.SOURCES_FILE.name())));
    }
    Set<String> unknown = new TreeSet<>();
    for (String name : env.keySet()) {
      boolean kafkaPassThrough = name.startsWith("KAFKA_") && KAFKA_CLIENT_KEYS.contains(Env.kafkaPropertyName(name));
      if (!known.contains(name) && !kafkaPassThrough) {
        unknown.add(name);
      }
    }
    assertThat(unknown).as("variables %s sets that the code never reads", service).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"ingest", "matcher", "notifier", "analytics"})
  void everyRequiredVariableIsSetAndTheConfigLoads(String service) {
    Map<String, String> env = environment(service);
    for (EnvVar v : variablesOf(service)) {
      if (v.isRequired()) {
        assertThat(env).as("%s requires %s", service, v.name()).containsKey(v.name());
      }
    }
    switch (service) {
      case "ingest" -> assertThat(IngestConfig.fromEnv(env).continuous()).isTrue();
      case "matcher" -> assertThat(MatcherConfig.fromEnv(env).streams()).containsEntry("application.id", "telejobs-matcher");
      case "analytics" -> assertThat(io.telejobs.analytics.AnalyticsConfig.fromEnv(env).httpPort()).isEqualTo(8083);
      default -> assertThat(NotifierConfig.fromEnv(env).smtp().host()).isEqualTo("mailpit");
    }
  }

  @ParameterizedTest
  @CsvSource({"ingest, io.telejobs.ingest.IngestApp", "matcher, io.telejobs.matcher.MatcherApp",
      "notifier, io.telejobs.notifier.NotifierApp", "analytics, io.telejobs.analytics.AnalyticsApp"})
  @SuppressWarnings("unchecked")
  void eachServiceImageRunsItsModulesMainClass(String service, String main) throws Exception {
    Map<String, Object> build = (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("build");
    Map<String, Object> args = (Map<String, Object>) build.get("args");
    assertThat(args).containsEntry("SERVICE", service).containsEntry("MAIN", main);
    assertThat(Class.forName(main).getMethod("main", String[].class)).isNotNull();
    assertThat(projectRoot().resolve(service).resolve("pom.xml")).exists();
    assertThat(projectRoot().resolve((String) build.get("dockerfile"))).exists();
  }

  @Test
  void createsExactlyTheTopicsTheCodeUsesWithTheirCompaction() {
    Matcher m = Pattern.compile("--topic (\\S+)( --config cleanup.policy=compact)?").matcher(raw);
    Map<String, Boolean> created = new java.util.HashMap<>();
    while (m.find()) {
      created.put(m.group(1), m.group(2) != null);
    }
    Map<String, Boolean> expected = Topics.all().stream().collect(Collectors.toMap(Topic::name, Topic::compacted));
    assertThat(created).isEqualTo(expected);
  }

  @Test
  void brokerImageIsTheProjectsKafkaVersion() throws Exception {
    java.util.Properties v = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/kafka/kafka-version.properties")) {
      v.load(in);
    }
    assertThat(raw).contains("image: apache/kafka:" + v.getProperty("version"));
    assertThat(raw).doesNotContain("apache/kafka:latest");
  }
}
