package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.FixtureHttpServer;
import io.telejobs.testkit.KafkaFixture;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscription API against abuse (hardening issue, items 5 and 10 and the low ones), on a real
 * broker and SMTP server: slow clients, mail bombing, duplicate sign-ups, expiry, webhook ownership.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SubscriptionApiIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static KafkaFixture kafka;
  private static GreenMail smtp;
  private static NotifierService notifier;
  private static String api;
  private static String admin = "admin-token-for-the-api-test-0123";

  @TempDir
  static Path state;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaFixture.fresh();
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int apiPort = TestNotifier.freePort();
    api = "http://127.0.0.1:" + apiPort;
    Map<String, String> env = TestNotifier.env(kafka, state, smtp.getSmtp().getPort(), apiPort);
    env.put("APP_CONFIRMATIONS_PER_ADDRESS", "3");
    env.put("APP_SIGNUPS_PER_CLIENT", "20");
    env.put("APP_PENDING_EXPIRY", "PT3S");
    env.put("APP_ADMIN_TOKEN", admin);
    notifier = TestNotifier.start(env);
  }

  @AfterAll
  static void stop() {
    notifier.close();
    smtp.stop();
    kafka.close();
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long mailsTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address);
      } catch (Exception e) {
        return false;
      }
    }).count();
  }

  @Test
  void repeatedSignUpsNeitherMakeSecondSubscriptionsNorFloodTheInbox() throws Exception {
    String body = "{\"email\": \"bomb@example.com\", \"tiers\": [\"core\"], \"countries\": [\"US\"]}";
    HttpResponse<String> first = post("/api/subscriptions", body);
    assertThat(first.statusCode()).isEqualTo(201);
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> again = post("/api/subscriptions",
          "{\"email\": \"BOMB@example.com\", \"countries\": [\"US\"], \"tiers\": [\"core\"]}");
      assertThat(again.statusCode()).isEqualTo(200);
      JsonNode j = Json.mapper().readTree(again.body());
      assertThat(j.get("same").asBoolean()).isTrue();
      assertThat(j.has("manageToken")).as("no tokens for whoever asks").isFalse();
      assertThat(j.has("id")).isFalse();
    }
    HttpResponse<String> other = post("/api/subscriptions", "{\"email\": \"bomb@example.com\", \"tiers\": [\"adjacent\"]}");
    assertThat(other.statusCode()).isEqualTo(201);
    assertThat(Json.mapper().readTree(other.body()).get("next").asText()).contains("already sent 3 confirmation emails");
    smtp.waitForIncomingEmail(5_000, 3);
    assertThat(mailsTo("bomb@example.com")).as("confirmations to one address in a day").isEqualTo(3);
  }

  @Test
  void aPendingSubscriptionExpires() throws Exception {
    JsonNode created = Json.mapper().readTree(post("/api/subscriptions", "{\"email\": \"late@example.com\"}").body());
    String id = created.get("id").asText();
    assertThat(get("/api/subscriptions/" + id, admin).statusCode()).isEqualTo(200);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (get("/api/subscriptions/" + id, admin).statusCode() != 404) {
      assertThat(System.nanoTime()).as("expired after 3 s, swept within 20 s").isLessThan(deadline);
    }
  }

  @Test
  void aWebhookIsStoredOnlyAfterItsReceiverAnswersTheChallenge() throws Exception {
    try (FixtureHttpServer receiver = FixtureHttpServer.serving("none")) {
      receiver.on("/mine", ex -> Receivers.answeredChallenge(ex, ex.getRequestBody().readAllBytes()));
      receiver.on("/not-mine", ex -> FixtureHttpServer.send(ex, 200, "text/plain", "ok".getBytes()));
      HttpResponse<String> refused = post("/api/subscriptions",
          "{\"webhookUrl\": \"" + receiver.baseUrl() + "/not-mine\"}");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(Json.mapper().readTree(refused.body()).get("error").asText()).contains("challenge");
      HttpResponse<String> accepted = post("/api/subscriptions", "{\"webhookUrl\": \"" + receiver.baseUrl() + "/mine\"}");
      assertThat(accepted.statusCode()).isEqualTo(201);
      assertThat(Json.mapper().readTree(accepted.body()).get("status").asText()).isEqualTo("active");
      assertThat(receiver.requests("/mine")).singleElement()
          .satisfies(r -> assertThat(r.header("X-Telejobs-Signature")).startsWith("v1="));
    }
  }

  @Test
  void aPendingSubscriptionChangedToWebhookOnlyBecomesActiveOnceItsReceiverIsVerified() throws Exception {
    try (FixtureHttpServer receiver = FixtureHttpServer.serving("none")) {
      receiver.on("/mine", ex -> Receivers.answeredChallenge(ex, ex.getRequestBody().readAllBytes()));
      JsonNode created = Json.mapper().readTree(post("/api/subscriptions", "{\"email\": \"switch@example.com\"}").body());
      String id = created.get("id").asText();
      String manage = created.get("manageToken").asText();
      HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/subscriptions/" + id))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + manage)
          .PUT(HttpRequest.BodyPublishers.ofString("{\"webhookUrl\": \"" + receiver.baseUrl() + "/mine\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).isEqualTo(200);
      assertThat(Json.mapper().readTree(get("/api/subscriptions/" + id, manage).body()).get("status").asText())
          .isEqualTo("active");
    }
  }

  @Test
  void pagesAndApiStayFastWhileManyClientsTrickle() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 64; i++) {
        Socket s = new Socket("127.0.0.1", notifier.apiPort());
        s.getOutputStream().write(("POST /api/subscriptions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 900\r\n\r\n{\"em").getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no 40 ms Nagle delay, no waiting for a thread")
            .isLessThan(Duration.ofMillis(500));
      }
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // it uses up this client's hourly allowance
  void signUpsFromOneClientAreLimited() throws Exception {
    int created = 0;
    int refused = 0;
    for (int i = 0; i < 25; i++) {
      HttpResponse<String> r = post("/api/subscriptions", "{\"email\": \"many" + i + "@example.com\"}");
      if (r.statusCode() == 201) {
        created++;
      } else if (r.statusCode() == 429) {
        refused++;
        assertThat(Json.mapper().readTree(r.body()).get("error").asText()).contains("too many sign-ups");
      }
    }
    assertThat(created).as("at most the hourly limit, shared with the other tests").isLessThanOrEqualTo(20);
    assertThat(refused).isGreaterThanOrEqualTo(5);
  }
}
