package io.telejobs.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.telejobs.testkit.FixtureHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbound client against a real local server: policy at connect time, deadline, size limit. */
class OutboundHttpTest {
  private final FixtureHttpServer server = FixtureHttpServer.serving("none");

  @AfterEach
  void close() {
    server.close();
  }

  private static OutboundHttp client(AddressPolicy policy, Duration deadline, int maxBytes) {
    return new OutboundHttp(new OutboundHttp.Settings("telejobs-test/1", Duration.ofSeconds(2), Duration.ofSeconds(2),
        deadline, maxBytes, policy));
  }

  @Test
  void refusesALoopbackServerThatIsNotAllowlistedWithoutConnecting() {
    server.on("/hook", ex -> FixtureHttpServer.send(ex, 200, "text/plain", "ok".getBytes()));
    try (OutboundHttp http = client(AddressPolicy.publicOnly(), Duration.ofSeconds(5), 1000)) {
      assertThatThrownBy(() -> http.get(server.uri("/hook"), Map.of()))
          .isInstanceOf(AddressRefusedException.class).hasMessageContaining("loopback");
      assertThatThrownBy(() -> http.get(URI.create(server.baseUrl().replace("127.0.0.1", "localhost") + "/hook"),
          Map.of())).isInstanceOf(AddressRefusedException.class).hasMessageContaining("loopback");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void returnsRedirectsWithoutFollowingThem() throws Exception {
    server.on("/moved", ex -> {
      ex.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data");
      FixtureHttpServer.send(ex, 302, null, new byte[0]);
    });
    try (OutboundHttp http = client(AddressPolicy.withAllowlist("127.0.0.1"), Duration.ofSeconds(5), 1000)) {
      OutboundHttp.Response r = http.get(server.uri("/moved"), Map.of());
      assertThat(r.status()).isEqualTo(302);
      assertThat(r.header("Location")).isEqualTo("http://169.254.169.254/latest/meta-data");
    }
  }

  @Test
  void cutsOffABodyThatTricklesPastTheDeadline() throws Exception {
    CountDownLatch clientGaveUp = new CountDownLatch(1);
    server.on("/slow", ex -> {
      ex.sendResponseHeaders(200, 0);
      OutputStream out = ex.getResponseBody();
      out.write("<html>".getBytes());
      out.flush();
      try {
        clientGaveUp.await(10, TimeUnit.SECONDS); // the rest of the body never comes while the client waits
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try (OutboundHttp http = new OutboundHttp(new OutboundHttp.Settings("t", Duration.ofSeconds(2),
        Duration.ofSeconds(30), Duration.ofMillis(700), 1000, AddressPolicy.withAllowlist("127.0.0.1")))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> http.get(server.uri("/slow"), Map.of()))
          .isInstanceOf(OutboundHttp.DeadlineExceededException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    } finally {
      clientGaveUp.countDown();
    }
  }

  @Test
  void limitsTheDecompressedBody() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(new byte[5_000_000]);
    }
    server.on("/bomb", ex -> {
      ex.getResponseHeaders().set("Content-Encoding", "gzip");
      FixtureHttpServer.send(ex, 200, "text/html", zipped.toByteArray());
    });
    try (OutboundHttp http = client(AddressPolicy.withAllowlist("127.0.0.1"), Duration.ofSeconds(5), 10_000)) {
      OutboundHttp.Response r = http.get(server.uri("/bomb"), Map.of());
      assertThat(r.truncated()).isTrue();
      assertThat(r.body()).hasSize(10_000);
    }
    assertThat(server.requests("/bomb").get(0).header("Accept-Encoding")).contains("gzip");
  }

  @Test
  void postsAJsonBody() throws Exception {
    server.on("/api", ex -> {
      byte[] in = ex.getRequestBody().readAllBytes();
      FixtureHttpServer.send(ex, 200, "application/json; charset=utf-8",
          ("{\"got\":" + new String(in, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8));
    });
    try (OutboundHttp http = client(AddressPolicy.withAllowlist("127.0.0.1"), Duration.ofSeconds(5), 1000)) {
      OutboundHttp.Response r = http.post(server.uri("/api"), "{\"a\":1}".getBytes(), "application/json",
          Map.of("X-Test", "yes"));
      assertThat(new String(r.body(), r.charset())).isEqualTo("{\"got\":{\"a\":1}}");
      assertThat(r.mediaType()).isEqualTo("application/json");
    }
    assertThat(server.requests("/api").get(0).method()).isEqualTo("POST");
    assertThat(server.requests("/api").get(0).header("X-Test")).isEqualTo("yes");
  }
}
