package io.telejobs.matcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import io.telejobs.matcher.Profiles;
import io.telejobs.matcher.tag.Tagger;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagCommandTest {
  private List<JsonNode> run(String input, int expectedErrors) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int errors = TagCommand.run(new Tagger(Profiles.TELEHEALTH), new BufferedReader(new StringReader(input)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(errors).isEqualTo(expectedErrors);
    return bytes.toString(StandardCharsets.UTF_8).lines().map(l -> {
      try {
        return Json.mapper().readTree(l);
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
  }

  @Test
  void minimalLineGivesTierLevelNormalisedSalaryBandAndReasons() throws Exception {
    JsonNode out = run("{\"title\": \"Sr. Telehealth Program Manager\", \"salary\": \"$120,000 - $140,000 a year\"}\n", 0).get(0);

    assertThat(out.get("tier").asText()).isEqualTo("core");
    assertThat(out.get("level").asText()).isEqualTo("senior");
    JsonNode salary = out.get("salary");
    assertThat(salary.get("currency").asText()).isEqualTo("USD");
    assertThat(salary.get("period").asText()).isEqualTo("YEAR");
    assertThat(salary.get("min").asLong()).isEqualTo(120000);
    assertThat(salary.get("max").asLong()).isEqualTo(140000);
    assertThat(salary.get("annualMin").asLong()).isEqualTo(120000);
    assertThat(salary.get("annualMax").asLong()).isEqualTo(140000);
    assertThat(salary.get("band").asText()).isEqualTo("senior");
    assertThat(out.get("reasons")).isNotEmpty();
    assertThat(out.get("profileVersion").asText()).isEqualTo("1.0.0");
  }

  @Test
  void badLinesAreAnsweredWithAnErrorAndTheRunGoesOn() throws Exception {
    List<JsonNode> out = run("not json\n{\"salary\": \"$1\"}\n\n{\"title\": \"Telehealth Coordinator\"}\n", 2);

    assertThat(out).hasSize(3);
    assertThat(out.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(out.get(1).get("error").asText()).contains("title");
    assertThat(out.get(2).get("tier").asText()).isEqualTo("pathway");
  }
}
