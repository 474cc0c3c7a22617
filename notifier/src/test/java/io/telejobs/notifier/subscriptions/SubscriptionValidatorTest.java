package io.telejobs.notifier.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.Tier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionValidatorTest {
  private final SubscriptionValidator validator = new SubscriptionValidator(new WebhookPolicy(io.telejobs.net.AddressPolicy.withAllowlist("localhost")));

  private static List<String> list(String csv) {
    return csv == null || csv.isBlank() ? null : Arrays.asList(csv.split(" "));
  }

  @ParameterizedTest(name = "{0} -> {8}")
  @CsvSource(delimiter = '|', nullValues = "~", value = {
      // email | webhook | tiers | levels | countries | min | currency | frequency | field of the first error
      "not-an-email       | ~                        | ~              | ~     | ~      | ~    | ~   | ~       | email",
      "ana@@example.com   | ~                        | ~              | ~     | ~      | ~    | ~   | ~       | email",
      "~                  | ~                        | ~              | ~     | ~      | ~    | ~   | ~       | email",
      "~                  | ftp://example.com/hook   | ~              | ~     | ~      | ~    | ~   | ~       | webhookUrl",
      "~                  | http://127.0.0.1:9/hook  | ~              | ~     | ~      | ~    | ~   | ~       | webhookUrl",
      "~                  | http://10.1.2.3/hook     | ~              | ~     | ~      | ~    | ~   | ~       | webhookUrl",
      "ana@example.com    | ~                        | core executive | ~     | ~      | ~    | ~   | ~       | criteria.tiers[1]",
      "ana@example.com    | ~                        | none           | ~     | ~      | ~    | ~   | ~       | criteria.tiers",
      "ana@example.com    | ~                        | ~              | boss  | ~      | ~    | ~   | ~       | criteria.levels[0]",
      "ana@example.com    | ~                        | ~              | ~     | Narnia | ~    | ~   | ~       | criteria.countries[0]",
      "ana@example.com    | ~                        | ~              | ~     | XY     | ~    | ~   | ~       | criteria.countries[0]",
      "ana@example.com    | ~                        | ~              | ~     | ~      | 10   | INR | ~       | criteria.minAnnualSalary",
      "ana@example.com    | ~                        | ~              | ~     | ~      | 99999999999999999999 | USD | ~ | criteria.minAnnualSalary",
      "ana@example.com    | ~                        | ~              | ~     | ~      | 120  | USD | ~       | criteria.minAnnualSalary",
      "ana@example.com    | ~                        | ~              | ~     | ~      | -1   | USD | ~       | criteria.minAnnualSalary",
      "ana@example.com    | ~                        | ~              | ~     | ~      | 1000 | ~   | ~       | criteria.salaryCurrency",
      "ana@example.com    | ~                        | ~              | ~     | ~      | 1000 | US$ | ~       | criteria.salaryCurrency",
      "ana@example.com    | ~                        | ~              | ~     | ~      | ~    | ~   | hourly  | frequency",
  })
  void namesTheFieldOfTheFirstProblem(String email, String webhook, String tiers, String levels, String countries,
      BigDecimal min, String currency, String frequency, String field) {
    SubscriptionValidator.Result r = validator.validate(new SubscriptionRequest(email, webhook, list(tiers), list(levels),
        list(countries), null, min, currency, null, null, null, frequency, null, null, null));
    assertThat(r.ok()).isFalse();
    assertThat(r.errors().get(0).field()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      USA                      | US
      usa                      | US
      United States            | US
      United States of America | US
      India                    | IN
      in                       | IN
      UK                       | GB
      United Kingdom           | GB
      Germany                  | DE
      UAE                      | AE
      """)
  void countriesByNameOrCode(String written, String code) {
    SubscriptionValidator.Result r = validator.validate(new SubscriptionRequest("ana@example.com", null, null, null,
        List.of(written), null, null, null, null, null, null, null, null, null, null));
    assertThat(r.errors()).isEmpty();
    assertThat(r.criteria().countries()).containsExactly(code);
  }

  @Test
  void aMinimumInRupeesIsYearlyAndSaysSoWhenItLooksLikeLakhs() {
    SubscriptionValidator.Result r = validator.validate(new SubscriptionRequest("ana@example.com", null, null, null,
        null, null, new BigDecimal("10"), "INR", null, null, null, null, null, null, null));
    assertThat(r.errors().get(0).message()).startsWith("₹10 a year is less than one lakh");
    SubscriptionValidator.Result lakhs = validator.validate(new SubscriptionRequest("ana@example.com", null, null, null,
        null, null, new BigDecimal("1000000"), "INR", null, null, null, null, null, null, null));
    assertThat(lakhs.errors()).isEmpty();
  }

  @Test
  void acceptsAFullRequestAndNormalisesIt() {
    SubscriptionValidator.Result r = validator.validate(new SubscriptionRequest("Ana.Silva+jobs@Example.com",
        "http://localhost:8089/hook", List.of("core", "Adjacent"), List.of("senior"), List.of("us", "in"),
        List.of("remote"), new BigDecimal("100000"), "usd", List.of("Epic"), List.of("nurse"), List.of("Acme Staffing"),
        "daily", "slack", "Asia/Kolkata", 9));
    assertThat(r.errors()).isEmpty();
    assertThat(r.criteria().tiers()).containsExactlyInAnyOrder(Tier.CORE, Tier.ADJACENT);
    assertThat(r.criteria().countries()).containsExactlyInAnyOrder("US", "IN");
    assertThat(r.criteria().salaryCurrency()).isEqualTo("USD");
    assertThat(r.criteria().includeKeywords()).containsExactly("epic");
    assertThat(r.criteria().excludeCompanies()).containsExactly("acme staffing");
    assertThat(r.frequency()).isEqualTo(Frequency.DAILY);
  }

  @Test
  void bandsAndPlacesAreCheckedAndNormalised() {
    SubscriptionValidator.Result ok = validator.validate(new SubscriptionRequest("a@example.com", null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, List.of("Senior", "mid"),
        List.of("  Columbus ,OH ", "New   York")));
    assertThat(ok.errors()).isEmpty();
    assertThat(ok.criteria().bands()).containsExactlyInAnyOrder(Level.SENIOR, Level.MID);
    assertThat(ok.criteria().locations()).containsExactlyInAnyOrder("columbus, oh", "new york");

    SubscriptionValidator.Result bad = validator.validate(new SubscriptionRequest("a@example.com", null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, List.of("senior", "huge"), List.of(" , ")));
    assertThat(bad.errors()).extracting(SubscriptionValidator.FieldError::field)
        .containsExactly("criteria.bands[1]", "criteria.locations[0]");
  }

  @Test
  void readsBandsAndPlacesFromTheJsonTheApiReceives() throws Exception {
    SubscriptionRequest fromJson = io.telejobs.contracts.Json.mapper().readValue(
        "{\"email\": \"a@example.com\", \"tiers\": [\"core\"], \"bands\": [\"senior\"], \"locations\": [\"Boston\", \"Ohio\"]}",
        SubscriptionRequest.class);
    SubscriptionValidator.Result r = validator.validate(fromJson);
    assertThat(r.errors()).isEmpty();
    assertThat(r.criteria().bands()).containsExactly(Level.SENIOR);
    assertThat(r.criteria().locations()).containsExactlyInAnyOrder("boston", "ohio");
  }

  @Test
  void refusesTooManyValues() {
    List<String> many = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "w" + i).toList();
    SubscriptionValidator.Result r = validator.validate(new SubscriptionRequest("a@example.com", null, null, null, null,
        null, null, null, many, null, null, null, null, null, null));
    assertThat(r.errors()).extracting(SubscriptionValidator.FieldError::field).containsExactly("criteria.includeKeywords");
  }
}
