package io.telejobs.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertSerdeTest {
  private final AlertSerde serde = new AlertSerde();
  private final JsonSerde<Alert> jackson = new JsonSerde<>(Alert.class);

  private JsonNode tree(byte[] json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @Test
  void writesWhatJacksonWritesAndReadsBack() throws Exception {
    Alert plain = Samples.alert();
    Alert current = new Alert(Alert.SCHEMA_VERSION, "0123abcd", Samples.subscription(), Samples.matched(), List.of(),
        Instant.parse("2026-12-04T10:15:30.123Z"), true);
    for (Alert a : List.of(plain, current)) {
      byte[] ours = serde.serializer().serialize("alerts.v2", a);
      assertThat(tree(ours)).isEqualTo(tree(jackson.serialize("alerts.v2", a)));
      assertThat(serde.deserializer().deserialize("alerts.v2", ours)).isEqualTo(a);
    }
    assertThat(serde.serializer().serialize("alerts.v2", null)).isNull();
  }

  /** One job to many subscribers: each alert carries its own subscriber and the same job; a new job is written anew. */
  @Test
  void theKeptJobIsOnlyReusedForTheSameJob() throws Exception {
    MatchedJob job = Samples.matched().withoutKeywords();
    Subscription ana = Samples.subscription();
    Subscription bo = new Subscription(Subscription.SCHEMA_VERSION, "sub-2", "bö@example.com", null, ana.criteria(),
        Frequency.INSTANT, SubscriptionStatus.ACTIVE, ana.updatedAt(), null, null, null);
    Instant at = Instant.parse("2026-12-04T10:00:00Z");
    Alert toAna = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(ana.id(), job.jobId()), ana, job, List.of(), at);
    Alert toBo = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(bo.id(), job.jobId()), bo, job, List.of("remote"), at);
    assertThat(toAna.job()).isSameAs(toBo.job());
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", toAna))).isEqualTo(toAna);
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", toBo))).isEqualTo(toBo);

    MatchedJob other = job.asGroup("other-id", job.postingId(), job.source(), job.postingUrl(),
        List.of("https://other.example/1"), null);
    Alert aboutOther = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(bo.id(), other.jobId()), bo, other, List.of(), at);
    Alert back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", aboutOther));
    assertThat(back.job().jobId()).isEqualTo("other-id");
    assertThat(back).isEqualTo(aboutOther);
  }
}
