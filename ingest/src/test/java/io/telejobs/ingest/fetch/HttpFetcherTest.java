package io.telejobs.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telejobs.testkit.FixtureHttpServer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fetcher against a hostile local server: 429s, 500s, slow answers, redirect loops, huge bodies, charsets. */
class HttpFetcherTest {
  private FixtureHttpServer server;

  @BeforeEach
  void start() {
    server = FixtureHttpServer.serving("none");
    server.on("/robots.txt", ex -> FixtureHttpServer.send(ex, 404, "text/plain", new byte[0]));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpFetcher fetcher(int retries, int breakerThreshold, Duration timeout, int maxBody) {
    FetchPolicy policy = new FetchPolicy("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", Duration.ZERO,
        Duration.ofSeconds(5), timeout, maxBody, retries, Duration.ofMillis(20), Duration.ofSeconds(3), breakerThreshold,
        Duration.ofMinutes(5));
    return new HttpFetcher(policy, HostGate.system(), new io.telejobs.net.OutboundHttp(
        HttpFetcher.clientSettings(policy, TestFetchers.LOCAL)));
  }

  @Test
  void a429IsRetriedAfterTheRetryAfterItAsks() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server.on("/busy", ex -> {
      if (calls.incrementAndGet() == 1) {
        ex.getResponseHeaders().set("Retry-After", "1");
        FixtureHttpServer.send(ex, 429, "text/plain", "slow down".getBytes());
      } else {
        FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", "<p>ok</p>".getBytes());
      }
    });

    FetchResult r = fetcher(3, 10, Duration.ofSeconds(5), 100_000).fetch(server.uri("/busy"));

    assertThat(r.status()).isEqualTo(200);
    var requests = server.requests("/busy");
    assertThat(requests).hasSize(2);
    assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(990));
  }

  @Test
  void serverErrorsAreRetriedThenReported() {
    server.on("/broken", ex -> FixtureHttpServer.send(ex, 500, "text/plain", "oops".getBytes()));

    assertThatThrownBy(() -> fetcher(2, 10, Duration.ofSeconds(5), 100_000).fetch(server.uri("/broken")))
        .isInstanceOf(FetchException.class).hasMessageContaining("HTTP 500");
    assertThat(server.requests("/broken")).hasSize(3);
  }

  @Test
  void aSlowServerTimesOut() {
    java.util.concurrent.CountDownLatch clientGaveUp = new java.util.concurrent.CountDownLatch(1);
    server.on("/slow", ex -> {
      try {
        clientGaveUp.await(10, java.util.concurrent.TimeUnit.SECONDS); // answers only after the client stopped waiting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      FixtureHttpServer.send(ex, 200, "text/html", "<p>late</p>".getBytes());
    });

    try {
      assertThatThrownBy(() -> fetcher(0, 10, Duration.ofMillis(300), 100_000).fetch(server.uri("/slow")))
          .isInstanceOf(FetchException.class).hasMessageContaining("timed out");
    } finally {
      clientGaveUp.countDown();
    }
  }

  @Test
  void aRedirectLoopFailsWithoutRetrying() {
    server.on("/loop", ex -> {
      ex.getResponseHeaders().set("Location", "/loop");
      FixtureHttpServer.send(ex, 302, "text/plain", new byte[0]);
    });

    assertThatThrownBy(() -> fetcher(3, 10, Duration.ofSeconds(5), 100_000).fetch(server.uri("/loop")))
        .isInstanceOf(FetchException.class).hasMessageContaining("redirect");
    assertThat(server.requests("/loop").size()).as("one run of the loop, no retries").isLessThanOrEqualTo(21);
  }

  @Test
  void aHugeBodyIsCutAtTheLimitAndReported() throws Exception {
    byte[] huge = ("<html><body>" + "<p>filler</p>".repeat(100_000) + "</body></html>").getBytes(StandardCharsets.UTF_8);
    server.on("/huge", ex -> FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", huge));

    FetchResult r = fetcher(0, 10, Duration.ofSeconds(5), 50_000).fetch(server.uri("/huge"));

    assertThat(r.truncated()).isTrue();
    assertThat(r.body().length()).isLessThan(60_000);
  }

  @Test
  void asksForGzipAndReadsACompressedBody() throws Exception {
    byte[] page = ("<html><body>" + "<p>Telehealth Program Manager</p>".repeat(2_000) + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      gz.write(page);
    }
    server.on("/gz", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", zipped.toByteArray());
    });

    FetchResult r = fetcher(0, 10, Duration.ofSeconds(5), 1_000_000).fetch(server.uri("/gz"));

    assertThat(zipped.size()).as("the wire carries far less than the page").isLessThan(page.length / 10);
    assertThat(server.requests("/gz").get(0).header("Accept-Encoding")).contains("gzip");
    assertThat(r.truncated()).isFalse();
    assertThat(r.body()).hasSize(page.length).endsWith("</body></html>");
  }

  @Test
  void theSizeLimitAppliesToTheDecompressedBody() throws Exception {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros); // 64 MB of zeros: about 64 KB on the wire
      }
    }
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", zipped.toByteArray());
    });

    FetchResult r = fetcher(0, 10, Duration.ofSeconds(5), 50_000).fetch(server.uri("/bomb"));

    assertThat(r.truncated()).isTrue();
    assertThat(r.body().length()).isLessThanOrEqualTo(50_000);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "header names the charset,    text/html; charset=windows-1252, windows-1252, ''",
      "charset only in meta,        text/html,                       windows-1252, <meta charset=\"windows-1252\">",
      "no charset anywhere (UTF-8), text/html,                       UTF-8,        ''",
      "wrong charset name,          text/html; charset=no-such-set,  UTF-8,        ''"})
  void decodesTheCharsetItIsGiven(String name, String contentType, String encoding, String meta) throws Exception {
    byte[] body = ("<html><head>" + meta + "</head><body><p>Télésanté – Gérante</p></body></html>")
        .getBytes(Charset.forName(encoding));
    server.on("/page", ex -> FixtureHttpServer.send(ex, 200, contentType, body));

    FetchResult r = fetcher(0, 10, Duration.ofSeconds(5), 100_000).fetch(server.uri("/page"));

    assertThat(r.body()).contains("Télésanté");
  }

  @Test
  void aHostThatKeepsFailingIsLeftAlone() throws Exception {
    server.on("/down", ex -> FixtureHttpServer.send(ex, 503, "text/plain", new byte[0]));
    HttpFetcher f = fetcher(0, 2, Duration.ofSeconds(5), 100_000);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> f.fetch(server.uri("/down"))).isInstanceOf(FetchException.class);
    }
    assertThatThrownBy(() -> f.fetch(server.uri("/down"))).hasMessageContaining("left alone");
    assertThat(server.requests("/down")).hasSize(2);
  }

  @Test
  void robotsCrawlDelayIsKeptWhenLongerThanOurs() throws Exception {
    server.on("/robots.txt", ex -> FixtureHttpServer.send(ex, 200, "text/plain",
        "User-agent: *\nCrawl-delay: 1\nDisallow: /private/\n".getBytes()));
    server.on("/a", ex -> FixtureHttpServer.send(ex, 200, "text/html", "<p>a</p>".getBytes()));
    server.on("/b", ex -> FixtureHttpServer.send(ex, 200, "text/html", "<p>b</p>".getBytes()));
    HttpFetcher f = fetcher(0, 10, Duration.ofSeconds(5), 100_000); // our own delay is zero

    f.fetch(server.uri("/a"));
    f.fetch(server.uri("/b"));
    assertThatThrownBy(() -> f.fetch(server.uri("/private/x"))).hasMessageContaining("robots.txt");

    Instant a = server.requests("/a").get(0).at();
    Instant b = server.requests("/b").get(0).at();
    assertThat(Duration.between(a, b)).isGreaterThanOrEqualTo(Duration.ofMillis(990));
    assertThat(server.requests("/private/x")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"120, 120", "0, 0", "'Wed, 25 Nov 2026 10:00:30 GMT', 30", "'not a date', -1"})
  void readsRetryAfterAsSecondsOrADate(String header, long seconds) {
    Duration d = RetryAfter.parse(header, Instant.parse("2026-11-25T10:00:00Z"));
    if (seconds < 0) {
      assertThat(d).isNull();
    } else {
      assertThat(d).isEqualTo(Duration.ofSeconds(seconds));
    }
  }

  @org.junit.jupiter.api.Nested
  class ServerSideRequestForgery {
    /** A fetcher that may reach the test server as 127.0.0.1 only: "localhost" stands for an internal service. */
    private HttpFetcher strict() {
      FetchPolicy policy = new FetchPolicy("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", Duration.ZERO,
          Duration.ofSeconds(5), Duration.ofSeconds(5), 100_000, 0, Duration.ofMillis(20), Duration.ofSeconds(3), 10,
          Duration.ofMinutes(5));
      return new HttpFetcher(policy, HostGate.system(), new io.telejobs.net.OutboundHttp(
          HttpFetcher.clientSettings(policy, io.telejobs.net.AddressPolicy.withAllowlist("127.0.0.1"))));
    }

    @ParameterizedTest
    @CsvSource({"http://169.254.169.254/latest/meta-data/", "http://100.100.100.200/latest/", "http://[::1]/x",
        "http://10.0.0.1/"})
    void aRedirectToAPrivateOrMetadataAddressIsRefused(String target) {
      server.on("/jump", ex -> {
        ex.getResponseHeaders().set("Location", target);
        FixtureHttpServer.send(ex, 302, "text/plain", new byte[0]);
      });
      assertThatThrownBy(() -> strict().fetch(server.uri("/jump"))).isInstanceOf(FetchException.class)
          .hasMessageContaining("refused by the address policy");
    }

    @Test
    void aRedirectToAnInternalNameIsRefusedAtConnectTime() {
      int port = server.uri("/").getPort();
      server.on("/jump", ex -> {
        ex.getResponseHeaders().set("Location", "http://localhost:" + port + "/internal");
        FixtureHttpServer.send(ex, 302, "text/plain", new byte[0]);
      });
      server.on("/internal", ex -> FixtureHttpServer.send(ex, 200, "text/plain", "secret".getBytes()));

      assertThatThrownBy(() -> strict().fetch(server.uri("/jump"))).isInstanceOf(FetchException.class)
          .hasMessageContaining("loopback");
      assertThat(server.requests("/internal")).isEmpty();
    }

    @Test
    void aRedirectTargetObeysItsOwnHostsRobotsTxt() throws Exception {
      int port = server.uri("/").getPort();
      server.on("/robots.txt", ex -> {
        boolean other = ex.getRequestHeaders().getFirst("Host").startsWith("localhost");
        FixtureHttpServer.send(ex, 200, "text/plain",
            (other ? "User-agent: *\nDisallow: /private/\n" : "User-agent: *\nAllow: /\n").getBytes());
      });
      server.on("/jump", ex -> {
        ex.getResponseHeaders().set("Location", "http://localhost:" + port + "/private/page");
        FixtureHttpServer.send(ex, 302, "text/plain", new byte[0]);
      });
      server.on("/private/page", ex -> FixtureHttpServer.send(ex, 200, "text/html", "<p>x</p>".getBytes()));

      assertThatThrownBy(() -> fetcher(0, 10, Duration.ofSeconds(5), 100_000).fetch(server.uri("/jump")))
          .isInstanceOf(FetchException.class).hasMessageContaining("robots.txt");
      assertThat(server.requests("/private/page")).isEmpty();
      assertThat(server.requests("/robots.txt")).extracting(r -> r.header("Host"))
          .anyMatch(h -> h.startsWith("localhost")).anyMatch(h -> h.startsWith("127.0.0.1"));
    }
  }

  @Test
  void aBodyThatStallsIsThisPagesFailureInWords() {
    java.util.concurrent.CountDownLatch gaveUp = new java.util.concurrent.CountDownLatch(1);
    server.on("/stall", ex -> {
      ex.sendResponseHeaders(200, 0);
      java.io.OutputStream out = ex.getResponseBody();
      out.write("<html><body><p>first part".getBytes());
      out.flush();
      try {
        gaveUp.await(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      // reads wait 5 s, but the whole page gets three times the 300 ms timeout
      FetchPolicy policy = new FetchPolicy("t", "telejobs-bot", Duration.ZERO, Duration.ofSeconds(5),
          Duration.ofMillis(300), 100_000, 0, Duration.ofMillis(20), Duration.ofSeconds(3), 10, Duration.ofMinutes(5));
      HttpFetcher f = new HttpFetcher(policy, HostGate.system(), new io.telejobs.net.OutboundHttp(
          new io.telejobs.net.OutboundHttp.Settings("t", Duration.ofSeconds(2), Duration.ofSeconds(5),
              Duration.ofMillis(900), 100_000, TestFetchers.LOCAL)));
      assertThatThrownBy(() -> f.fetch(server.uri("/stall"))).isInstanceOf(FetchException.class)
          .hasMessageContaining("did not arrive in full in time");
    } finally {
      gaveUp.countDown();
    }
  }

  @Test
  void postsAJsonBodyUnderTheSameRules() throws Exception {
    server.on("/api/jobs", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      FixtureHttpServer.send(ex, 200, "application/json", ("{\"echo\":" + new String(body, StandardCharsets.UTF_8) + "}")
          .getBytes(StandardCharsets.UTF_8));
    });
    FetchResult r = fetcher(0, 10, Duration.ofSeconds(5), 100_000).fetch(FetchRequest.postJson(server.uri("/api/jobs"),
        "{\"limit\":20,\"offset\":0}".getBytes(StandardCharsets.UTF_8), java.util.Map.of("Accept", "application/json")));
    assertThat(r.body()).isEqualTo("{\"echo\":{\"limit\":20,\"offset\":0}}");
    assertThat(server.requests("/api/jobs").get(0).method()).isEqualTo("POST");
    assertThat(server.requests("/robots.txt")).as("robots.txt is asked first, for a POST too").isNotEmpty();
  }
}
