package io.telejobs.web;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of the public pages and APIs, on Jetty 12. Slow or hostile clients cannot take it down:
 *
 * <ul>
 *   <li>connections are read without holding a thread (Jetty's non-blocking I/O); a route runs only once
 *       its whole request has arrived, on a bounded pool, so clients that trickle cost no thread;
 *   <li>a connection must deliver its first request's headers within {@code headerDeadline}, a body must
 *       arrive at {@code minBodyBytesPerSecond} or faster, and a silent connection closes after
 *       {@code idleTimeout};
 *   <li>headers are limited to 8 KB, bodies to {@code maxBodyBytes} (413), connections to
 *       {@code maxConnections}; when every worker is busy and the queue is full the answer is 503;
 *   <li>TCP_NODELAY is on, so small answers are not held back 40 ms by Nagle's algorithm.
 * </ul>
 *
 * Every response carries a strict Content-Security-Policy (no inline script or style), nosniff,
 * no-referrer (links carry tokens) and frame denial. A route that throws answers 500 with a message in
 * words, JSON or a page as the client asked; the cause goes to the log.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  /** Scripts and styles only from this origin; nothing inline, no plugins, no framing, forms post here. */
  public static final String STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  /**
   * @param name shown in logs and thread names
   * @param port 0 for any free port
   * @param workers threads that run routes
   * @param queue requests waiting for a worker before the answer is 503
   * @param idleTimeout a connection that sends nothing for this long is closed
   * @param headerDeadline time from opening a connection to a complete first request header
   * @param minBodyBytesPerSecond slower bodies are cut off (408)
   * @param maxBodyBytes larger bodies are refused (413)
   * @param maxConnections connections open at once
   */
  public record Settings(String name, int port, int workers, int queue, Duration idleTimeout, Duration headerDeadline,
      long minBodyBytesPerSecond, int maxBodyBytes, int maxConnections) {
    /** Defaults for a public service on {@code port}. */
    public static Settings defaults(String name, int port) {
      return new Settings(name, port, 32, 256, Duration.ofSeconds(15), Duration.ofSeconds(10), 512, 64 * 1024, 2_000);
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final ThreadPoolExecutor workers;
  private final Routes routes;
  private final Settings settings;

  private WebServer(Settings settings, Routes routes) {
    this.settings = settings;
    this.routes = routes;
    QueuedThreadPool io = new QueuedThreadPool(16, 4);
    io.setName(settings.name() + "-io");
    io.setDaemon(true);
    this.server = new Server(io);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(8 * 1024);
    http.setIdleTimeout(settings.idleTimeout().toMillis());
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost("0.0.0.0");
    connector.setPort(settings.port());
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    connector.setAcceptedTcpNoDelay(true);
    connector.addEventListener(new HeaderDeadline(server.getScheduler(), settings.headerDeadline()));
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(settings.maxConnections(), connector));
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(settings.queue()), r -> {
          Thread t = new Thread(r, settings.name() + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    workers.allowCoreThreadTimeOut(true);
    SizeLimitHandler sizes = new SizeLimitHandler(settings.maxBodyBytes(), -1);
    sizes.setHandler(new MinimumDataRateHandler(new Dispatch(), settings.minBodyBytesPerSecond(), -1));
    server.setHandler(sizes);
  }

  /** Starts a server with these routes; fails with a message naming the port when it is taken. */
  public static WebServer start(Settings settings, Routes routes) {
    WebServer s = new WebServer(settings, routes);
    try {
      s.server.start();
    } catch (Exception e) {
      s.close();
      throw new IllegalStateException(settings.name() + " cannot listen on port " + settings.port()
          + " (is another program using it?)", e);
    }
    LOG.info("{} listening on port {}", settings.name(), s.port());
    return s;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Closes connections whose first request's headers have not arrived within the deadline. */
  private static final class HeaderDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final Duration deadline;

    HeaderDeadline(Scheduler scheduler, Duration deadline) {
      this.scheduler = scheduler;
      this.deadline = deadline;
    }

    @Override
    public void onOpened(Connection connection) {
      scheduler.schedule(() -> {
        if (connection.getMessagesIn() == 0 && connection.getEndPoint().isOpen()) {
          LOG.debug("closing a connection that sent no complete request in {}", deadline);
          connection.getEndPoint().close();
        }
      }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Reads the whole request without a thread, then runs its route on a worker. */
  private final class Dispatch extends Handler.Abstract.NonBlocking {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String method = request.getMethod().toUpperCase(Locale.ROOT);
      for (StaticAssets files : routes.assets()) {
        if (path.startsWith(files.prefix()) && (method.equals("GET") || method.equals("HEAD"))) {
          StaticAssets.Asset a = files.find(path);
          WebResponse r = a == null ? WebResponse.error(404, "path", "no such file: " + path)
              : new WebResponse(200, a.contentType(), a.bytes(), Map.of("ETag", a.etag(),
                  "Cache-Control", "public, max-age=3600"));
          if (a != null && a.etag().equals(request.getHeaders().get("If-None-Match"))) {
            r = new WebResponse(304, null, new byte[0], Map.of("ETag", a.etag()));
          }
          write(response, callback, r, true);
          return true;
        }
      }
      Routes.Match match = routes.match(method, path);
      if (match == null) {
        write(response, callback, routes.pathExists(path)
            ? WebResponse.error(405, "method", method + " is not allowed on " + path)
            : WebResponse.error(404, "path", "nothing here: " + path), false);
        return true;
      }
      Content.Source.asByteArrayAsync(request, settings.maxBodyBytes()).whenComplete((body, failure) -> {
        if (failure != null) {
          HttpException http = HttpException.asHttpException(failure);
          int status = http != null ? http.getCode() : 400;
          write(response, callback, WebResponse.error(status, "body", status == 413
              ? "the request is larger than " + settings.maxBodyBytes() + " bytes"
              : "the request body could not be read"), false);
          return;
        }
        WebRequest req = toRequest(request, method, path, match.params(), body);
        try {
          workers.execute(() -> write(response, callback, run(match.route(), req), false));
        } catch (RejectedExecutionException e) {
          write(response, callback, WebResponse.error(503, "server", "the service is busy; try again in a moment")
              .withHeader("Retry-After", "5"), false);
        }
      });
      return true;
    }
  }

  private WebResponse run(Route route, WebRequest req) {
    try {
      WebResponse r = route.handle(req);
      return r == null ? WebResponse.noContent() : r;
    } catch (Exception | Error e) {
      LOG.error("{}: {} {} failed", settings.name(), req.method(), req.path(), e);
      String message = "Something went wrong on our side. Please try again in a minute.";
      return req.wantsHtml() ? WebResponse.html(500, ErrorPage.html(message)) : WebResponse.error(500, "server", message);
    }
  }

  private static WebRequest toRequest(Request request, String method, String path, Map<String, String> params,
      byte[] body) {
    Map<String, List<String>> query = new HashMap<>();
    Fields fields = Request.extractQueryParameters(request);
    for (Fields.Field f : fields) {
      query.put(f.getName(), List.copyOf(f.getValues()));
    }
    Map<String, String> headers = new HashMap<>();
    for (HttpField h : request.getHeaders()) {
      headers.putIfAbsent(h.getLowerCaseName(), h.getValue());
    }
    return new WebRequest(method, path, params, query, headers, body, Request.getRemoteAddr(request));
  }

  private static void write(Response response, Callback callback, WebResponse r, boolean asset) {
    response.setStatus(r.status());
    var h = response.getHeaders();
    h.put("Content-Security-Policy", STRICT_CSP);
    h.put("X-Content-Type-Options", "nosniff");
    h.put("Referrer-Policy", "no-referrer");
    h.put("X-Frame-Options", "DENY");
    h.put("Cross-Origin-Opener-Policy", "same-origin");
    if (!asset) {
      h.put("Cache-Control", "no-store");
    }
    r.headers().forEach(h::put);
    if (r.contentType() != null) {
      h.put("Content-Type", r.contentType());
    }
    h.put("Content-Length", Integer.toString(r.body().length));
    response.write(true, ByteBuffer.wrap(r.body()), callback);
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("{} did not stop cleanly: {}", settings.name(), e.getMessage());
    }
    workers.shutdownNow();
  }

  /** A minimal page for errors that happen before any page template is involved. */
  static final class ErrorPage {
    private ErrorPage() {}

    static String html(String message) {
      return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error</title></head><body><p>"
          + message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p></body></html>";
    }
  }

}
