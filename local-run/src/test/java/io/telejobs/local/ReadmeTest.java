package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Topic;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.EnvVar;
import io.telejobs.ingest.IngestConfig;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.notifier.NotifierConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README is the users' manual: it must name every variable and topic the code has. */
class ReadmeTest {
  private static String readme() throws Exception {
    return Files.readString(ComposeFileTest.projectRoot().resolve("README.md"));
  }

  @Test
  void configurationTableNamesEveryVariableWithItsDefault() throws Exception {
    String readme = readme();
    List<EnvVar> all = new ArrayList<>();
    all.addAll(IngestConfig.variables());
    all.addAll(MatcherConfig.variables());
    all.addAll(NotifierConfig.variables());
    all.addAll(io.telejobs.analytics.AnalyticsConfig.variables());
    all.addAll(LocalRunConfig.variables());
    for (EnvVar v : all) {
      assertThat(readme).as("README row for %s", v.name()).contains("| `" + v.name() + "` |");
      if (v.defaultValue() != null && !v.defaultValue().isEmpty() && !v.name().equals("KAFKA_STATE_DIR")
          && !v.name().equals("APP_CRAWL_INTERVAL") && !v.name().equals("APP_HOST_DELAY")) {
        assertThat(readme).as("default of %s", v.name()).contains("`" + v.defaultValue() + "`");
      }
    }
  }

  @Test
  void topicsTableNamesEveryTopic() throws Exception {
    String readme = readme();
    for (Topic<?, ?> t : Topics.all()) {
      assertThat(readme).contains("| `" + t.name() + "`");
    }
  }

  @Test
  void quickStartHasTheTwoCommandsAndCiRunsTheTestOne() throws Exception {
    String readme = readme();
    assertThat(readme).contains("\n./mvnw -q -Prun -DskipTests package\n").contains("\n./mvnw -B verify\n");
    assertThat(Files.readString(ComposeFileTest.projectRoot().resolve(".ci/run"))).contains("\n./mvnw -B verify\n");
  }
}
