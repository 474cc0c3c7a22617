package io.telejobs.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port that serves a folder of fixture files from the classpath
 * and any handlers a test adds, and records every request with the time it arrived.
 *
 * <p>{@code /} and folder paths serve {@code index.html}; a missing file is a 404.
 */
public final class FixtureHttpServer implements AutoCloseable {
  /** One request as the server saw it. */
  public record Request(String method, String path, Map<String, List<String>> headers, Instant at) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final String classpathRoot;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, HttpHandler> handlers = new ConcurrentHashMap<>();

  private FixtureHttpServer(String classpathRoot) {
    this.classpathRoot = classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/";
    try {
      this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fixture-http");
      t.setDaemon(true);
      return t;
    }));
  }

  /** Starts a server for the classpath folder {@code classpathRoot}, e.g. {@code "sites/acme"}. */
  public static FixtureHttpServer serving(String classpathRoot) {
    FixtureHttpServer s = new FixtureHttpServer(classpathRoot);
    s.server.start();
    return s;
  }

  /** Answers {@code path} (exact, without query) with {@code handler} instead of a file. */
  public FixtureHttpServer on(String path, HttpHandler handler) {
    handlers.put(path, handler);
    return this;
  }

  /** {@code http://127.0.0.1:port} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  /** Every request so far, in arrival order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Requests for one path. */
  public List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(exchange.getRequestMethod(), path,
        Map.copyOf(exchange.getRequestHeaders()), Instant.now()));
    try (exchange) {
      HttpHandler custom = handlers.get(path);
      if (custom != null) {
        custom.handle(exchange);
        return;
      }
      String file = path.endsWith("/") ? path + "index.html" : path;
      String resource = classpathRoot + file.substring(1);
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        if (in == null || resource.contains("..")) {
          send(exchange, 404, "text/plain; charset=utf-8", ("not found: " + path).getBytes());
          return;
        }
        send(exchange, 200, contentType(file), in.readAllBytes());
      }
    }
  }

  /** Writes a complete response. */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String contentType(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    if (f.endsWith(".html") || f.endsWith(".htm")) {
      return "text/html; charset=utf-8";
    }
    if (f.endsWith(".json")) {
      return "application/json";
    }
    if (f.endsWith(".xml")) {
      return "application/xml";
    }
    return "text/plain; charset=utf-8";
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
