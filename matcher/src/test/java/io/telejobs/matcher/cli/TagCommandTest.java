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
  void everyLineIsAnsweredBadOnesInWordsAndTheRunGoesOn() throws Exception {
    List<JsonNode> out = run("not json\n{\"salary\": \"$1\"}\n\n{\"title\": \"Telehealth Coordinator\"}\n"
        + "{\"title\": \"PM\", \"workMode\": \"from the moon\"}\n"
        + "{\"title\": \"PM\", \"salary\": {\"currency\": \"USD\", \"min\": \"lots\"}}\n", 4);

    assertThat(out).hasSize(6);
    assertThat(out.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(out.get(0).get("error").asText()).startsWith("line 1 is not valid JSON (near column ");
    assertThat(out.get(1).get("error").asText()).contains("title");
    assertThat(out.get(2).get("skipped").asText()).isEqualTo("blank line: nothing to tag");
    assertThat(out.get(3).get("tier").asText()).isEqualTo("pathway");
    assertThat(out.get(4).get("error").asText()).contains("\"workMode\" must be one of remote, hybrid, onsite");
    assertThat(out.get(5).get("error").asText()).isEqualTo("the pay amount \"min\" is not a number: 'lots'");
    assertThat(out).extracting(n -> n.path("error").asText()).noneMatch(e -> e.contains("Exception"));
  }

  @Test
  void aTitleOfTierNoneStillGetsItsLevelAndPay() throws Exception {
    JsonNode out = run("{\"title\": \"Senior Software Engineer\", \"salary\": \"$150K - $180K\"}\n", 0).get(0);

    assertThat(out.get("tier").asText()).isEqualTo("none");
    assertThat(out.get("level").asText()).isEqualTo("senior");
    assertThat(out.get("salary").get("annualMin").asLong()).isEqualTo(150000);
  }

  /** baseSalary in the shapes schema.org JobPosting pages use. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\",\"value\":{\"@type\":\"QuantitativeValue\",\"minValue\":95000,\"maxValue\":120000,\"unitText\":\"YEAR\"}}",
      "{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\",\"minValue\":95000,\"maxValue\":120000,\"value\":{\"@type\":\"QuantitativeValue\",\"unitText\":\"YEAR\"}}",
      "{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\",\"minValue\":\"95,000\",\"maxValue\":\"120,000\",\"unitText\":\"YEAR\"}",
      "{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\",\"value\":\"$95,000 - $120,000 a year\"}"})
  void readsSchemaOrgBaseSalaryShapes(String baseSalary) throws Exception {
    JsonNode out = run("{\"title\": \"Telehealth Program Manager\", \"baseSalary\": " + baseSalary + "}\n", 0).get(0);

    JsonNode salary = out.get("salary");
    assertThat(salary.get("currency").asText()).isEqualTo("USD");
    assertThat(salary.get("annualMin").asLong()).isEqualTo(95000);
    assertThat(salary.get("annualMax").asLong()).isEqualTo(120000);
  }

  @Test
  void aSingleNumberValueIsOnePay() throws Exception {
    JsonNode out = run("{\"title\": \"Telehealth Program Manager\", \"baseSalary\": "
        + "{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\",\"value\":{\"@type\":\"QuantitativeValue\",\"value\":40,\"unitText\":\"HOUR\"}}}\n", 0).get(0);

    assertThat(out.get("salary").get("period").asText()).isEqualTo("HOUR");
    assertThat(out.get("salary").get("annualMin").asLong()).isEqualTo(83200);
  }
}
