package io.telejobs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server on a real port: routes, limits, slow clients, security headers, assets. */
class WebServerTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private WebServer server;
  private String base;

  @BeforeEach
  void start() {
    Routes routes = new Routes()
        .get("/hello/{name}", r -> WebResponse.text(200, "text/plain", "hello " + r.param("name")))
        .post("/echo", r -> WebResponse.json(200, Map.of("got", r.bodyText(), "q", String.valueOf(r.query("q")))))
        .get("/boom", r -> {
          throw new IllegalStateException("NullPointerException in the database layer");
        })
        .assets(new StaticAssets("/assets/", "web-test/"));
    server = WebServer.start(new WebServer.Settings("test", 0, 4, 16, Duration.ofSeconds(5), Duration.ofMillis(800),
        512, 1024, 200), routes);
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void routesByMethodAndPathWithNamedSegments() throws Exception {
    assertThat(get("/hello/ana").body()).isEqualTo("hello ana");
    assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    HttpResponse<String> wrongMethod = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/echo")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    HttpResponse<String> echo = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/echo?q=a%20b"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(echo.body()).contains("\"got\":\"{\\\"x\\\":1}\"").contains("\"q\":\"a b\"");
  }

  @Test
  void everyResponseCarriesAStrictPolicyAndNoServerVersion() throws Exception {
    HttpResponse<String> r = get("/hello/x");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(WebServer.STRICT_CSP);
    assertThat(WebServer.STRICT_CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(r.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void aFailingRouteIsA500InWordsWithoutTheExceptionClass() throws Exception {
    HttpResponse<String> r = get("/boom");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("Something went wrong on our side").doesNotContain("Exception")
        .doesNotContain("database");
  }

  @Test
  void aBodyOverTheLimitIsA413() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/echo"))
        .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5000))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void manyClientsTricklingTheirRequestsDoNotStopOthersFromBeingServed() throws Exception {
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) { // ten times the workers
        Socket s = new Socket("127.0.0.1", server.port());
        OutputStream out = s.getOutputStream();
        out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nabc").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        slow.add(s);
      }
      for (int i = 0; i < 10; i++) {
        Socket s = new Socket("127.0.0.1", server.port());
        s.getOutputStream().write("GET /hello/x HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      long start = System.nanoTime();
      assertThat(get("/hello/fast").body()).isEqualTo("hello fast");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    } finally {
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void aConnectionThatNeverFinishesItsHeadersIsClosedAtTheDeadline() throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("GET /hello/x HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      InputStream in = s.getInputStream();
      int b = in.read(); // blocks until the server closes the connection
      while (b >= 0) {
        b = in.read();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed by the 0.8 s header deadline, not the 5 s idle timeout")
          .isLessThan(Duration.ofMillis(3000));
    }
  }

  @Test
  void servesAssetsWithTypeAndEtagAndNothingOutsideTheirFolder() throws Exception {
    HttpResponse<String> css = get("/assets/site.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    String etag = css.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/assets/site.css"))
        .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(get("/assets/../web-test/site.css").statusCode()).as("refused, by Jetty or by us").isIn(400, 404);
    assertThat(get("/assets/%2e%2e/log4j2-test.xml").statusCode()).isIn(400, 404);
    assertThat(get("/assets/log4j2-test.xml").statusCode()).as("only known kinds of file").isEqualTo(404);
    assertThat(get("/assets/missing.css").statusCode()).isEqualTo(404);
  }
}
