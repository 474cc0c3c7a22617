package io.telejobs.notifier.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.notifier.delivery.DeliveryException;
import io.telejobs.notifier.delivery.EmailRenderer;
import io.telejobs.notifier.delivery.EmailSender;
import io.telejobs.notifier.security.TokenSigner;
import io.telejobs.notifier.subscriptions.SubscriptionRequest;
import io.telejobs.notifier.subscriptions.SubscriptionValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription API and pages, on the JDK's HTTP server.
 *
 * <pre>
 * GET    /                                     a small page to subscribe
 * POST   /api/subscriptions                    create (email: pending until confirmed)   -> 201 {id, status, manageToken}
 * GET    /api/subscriptions/{id}               read          (Authorization: Bearer manageToken or admin token)
 * PUT    /api/subscriptions/{id}               replace       (same)
 * POST   /api/subscriptions/{id}/pause|resume  pause, resume (same)
 * DELETE /api/subscriptions/{id}               delete        (same)
 * GET    /confirm?s=ID&amp;t=TOKEN                 double opt-in: the link in the confirmation email
 * GET    /unsubscribe?s=ID&amp;t=TOKEN             a page with an unsubscribe button
 * POST   /unsubscribe?s=ID&amp;t=TOKEN             one-click unsubscribe (RFC 8058)
 * </pre>
 *
 * Tokens are HMAC-signed per purpose and subscription: a token for one subscription or purpose is
 * refused for any other. Every bad request is a 400 whose JSON names the field.
 */
public final class SubscriptionApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionApi.class);
  private static final int MAX_BODY = 64 * 1024;
  private static final ObjectMapper JSON = Json.mapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer server;
  private final ExecutorService executor;
  private final SubscriptionStore store;
  private final SubscriptionValidator validator;
  private final TokenSigner signer;
  private final EmailSender email;
  private final EmailRenderer renderer;
  private final String adminToken;
  private final Clock clock;

  public SubscriptionApi(InetSocketAddress address, SubscriptionStore store, SubscriptionValidator validator,
      TokenSigner signer, EmailSender email, EmailRenderer renderer, String adminToken, Clock clock) throws IOException {
    this.store = store;
    this.validator = validator;
    this.signer = signer;
    this.email = email;
    this.renderer = renderer;
    this.adminToken = adminToken == null ? "" : adminToken;
    this.clock = clock;
    this.server = HttpServer.create(address, 100);
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "subscription-api");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::route);
  }

  public void start() {
    server.start();
    LOG.info("subscription API listening on port {}", port());
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void route(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      if (path.equals("/") && method.equals("GET")) {
        html(ex, 200, Pages.subscribe());
      } else if (path.equals("/api/subscriptions") && method.equals("POST")) {
        create(ex);
      } else if (path.startsWith("/api/subscriptions/")) {
        String[] parts = path.substring("/api/subscriptions/".length()).split("/");
        manage(ex, method, parts[0], parts.length > 1 ? parts[1] : "");
      } else if (path.equals("/confirm") && method.equals("GET")) {
        confirm(ex);
      } else if (path.equals("/unsubscribe") && (method.equals("GET") || method.equals("POST"))) {
        unsubscribe(ex, method.equals("POST"));
      } else {
        error(ex, 404, "path", "no such resource: " + method + " " + path);
      }
    } catch (RuntimeException e) {
      LOG.error("subscription API failed on {}", ex.getRequestURI(), e);
      try {
        error(ex, 500, "server", "internal error");
      } catch (IOException ignored) {
        // the client is gone
      }
    }
  }

  /** The validated request body, or empty after answering the client with what is wrong. */
  private Optional<SubscriptionValidator.Result> validRequest(HttpExchange ex) throws IOException {
    Optional<SubscriptionRequest> request = body(ex);
    if (request.isEmpty()) {
      return Optional.empty();
    }
    SubscriptionValidator.Result v = validator.validate(request.get());
    if (!v.ok()) {
      errors(ex, v);
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private void create(HttpExchange ex) throws IOException {
    Optional<SubscriptionValidator.Result> valid = validRequest(ex);
    if (valid.isEmpty()) {
      return;
    }
    SubscriptionValidator.Result v = valid.get();
    String id = "sub-" + HexFormat.of().formatHex(randomBytes());
    SubscriptionStatus status = v.email() != null ? SubscriptionStatus.PENDING : SubscriptionStatus.ACTIVE;
    Subscription s = new Subscription(Subscription.SCHEMA_VERSION, id, v.email(), v.webhookUrl(), v.criteria(),
        v.frequency(), status, clock.instant(), v.webhookFormat(), v.timeZone(), v.digestHour());
    store.put(id, s);
    boolean sent = status != SubscriptionStatus.PENDING || sendConfirmation(s);
    ObjectNode out = JSON.createObjectNode();
    out.put("id", id);
    out.put("status", status.name().toLowerCase(Locale.ROOT));
    out.put("manageToken", signer.sign("manage", id));
    if (v.webhookUrl() != null) {
      out.put("webhookSecret", signer.sign("webhook", id));
    }
    if (status == SubscriptionStatus.PENDING) {
      out.put("next", sent ? "check your inbox and follow the confirmation link"
          : "the confirmation email could not be sent; try again later with PUT");
    }
    json(ex, 201, out);
  }

  private void manage(HttpExchange ex, String method, String id, String action) throws IOException {
    if (!authorised(ex, id)) {
      error(ex, 403, "authorization", "a valid manage token for this subscription, or the admin token, is required");
      return;
    }
    Optional<Subscription> current = store.get(id);
    if (current.isEmpty()) {
      error(ex, 404, "id", "no subscription " + id);
      return;
    }
    Subscription s = current.get();
    switch (method + " " + action) {
      case "GET " -> json(ex, 200, JSON.valueToTree(s));
      case "DELETE " -> {
        store.put(id, null);
        ex.sendResponseHeaders(204, -1);
      }
      case "POST pause" -> json(ex, 200, JSON.valueToTree(withStatus(s,
          s.status() == SubscriptionStatus.PENDING ? SubscriptionStatus.PENDING : SubscriptionStatus.PAUSED)));
      case "POST resume" -> json(ex, 200, JSON.valueToTree(withStatus(s,
          s.status() == SubscriptionStatus.PENDING ? SubscriptionStatus.PENDING : SubscriptionStatus.ACTIVE)));
      case "PUT " -> replace(ex, s);
      default -> error(ex, 405, "method", method + " is not allowed here");
    }
  }

  private void replace(HttpExchange ex, Subscription s) throws IOException {
    Optional<SubscriptionValidator.Result> valid = validRequest(ex);
    if (valid.isEmpty()) {
      return;
    }
    SubscriptionValidator.Result v = valid.get();
    boolean newEmail = v.email() != null && !v.email().equalsIgnoreCase(String.valueOf(s.email()));
    SubscriptionStatus status = newEmail ? SubscriptionStatus.PENDING : s.status();
    Subscription next = new Subscription(Subscription.SCHEMA_VERSION, s.id(), v.email(), v.webhookUrl(),
        v.criteria(), v.frequency(), status, clock.instant(), v.webhookFormat(), v.timeZone(), v.digestHour());
    store.put(s.id(), next);
    if (newEmail || status == SubscriptionStatus.PENDING) {
      sendConfirmation(next);
    }
    json(ex, 200, JSON.valueToTree(next));
  }

  private Subscription withStatus(Subscription s, SubscriptionStatus status) {
    Subscription next = s.withStatus(status, clock.instant());
    store.put(s.id(), next);
    return next;
  }

  private void confirm(HttpExchange ex) throws IOException {
    Map<String, String> q = query(ex.getRequestURI());
    String id = q.get("s");
    if (id == null || !signer.verify("confirm", id, q.get("t"))) {
      html(ex, 403, Pages.message("Link not valid", "This confirmation link is not valid."));
      return;
    }
    Optional<Subscription> s = store.get(id);
    if (s.isEmpty()) {
      html(ex, 404, Pages.message("Not found", "This subscription no longer exists."));
      return;
    }
    if (s.get().status() == SubscriptionStatus.PENDING) {
      withStatus(s.get(), SubscriptionStatus.ACTIVE);
    }
    html(ex, 200, Pages.message("Subscription confirmed",
        "Alerts for " + Entities.escape(String.valueOf(s.get().email())) + " are on."));
  }

  private void unsubscribe(HttpExchange ex, boolean post) throws IOException {
    Map<String, String> q = query(ex.getRequestURI());
    String id = q.get("s");
    String token = q.get("t");
    if (id == null || !signer.verify("unsubscribe", id, token)) {
      html(ex, 403, Pages.message("Link not valid", "This unsubscribe link is not valid."));
      return;
    }
    if (!post) {
      html(ex, 200, Pages.unsubscribe(id, token));
      return;
    }
    if (store.get(id).isPresent()) {
      store.put(id, null);
    }
    html(ex, 200, Pages.message("Unsubscribed", "You will get no more alerts from this subscription."));
  }

  private boolean sendConfirmation(Subscription s) {
    try {
      email.send(renderer.confirmation(s, signer.sign("confirm", s.id())));
      return true;
    } catch (DeliveryException e) {
      LOG.warn("confirmation email for {} failed: {}", s.id(), e.getMessage());
      return false;
    }
  }

  private boolean authorised(HttpExchange ex, String id) {
    String h = ex.getRequestHeaders().getFirst("Authorization");
    if (h == null || !h.startsWith("Bearer ")) {
      return false;
    }
    String token = h.substring(7).strip();
    if (!adminToken.isEmpty() && MessageDigest.isEqual(adminToken.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    return signer.verify("manage", id, token);
  }

  private Optional<SubscriptionRequest> body(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      error(ex, 415, "Content-Type", "must be application/json");
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = ex.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    }
    if (bytes.length > MAX_BODY) {
      error(ex, 413, "body", "larger than " + MAX_BODY + " bytes");
      return Optional.empty();
    }
    try {
      SubscriptionRequest r = JSON.readValue(bytes, SubscriptionRequest.class);
      if (r == null) {
        error(ex, 400, "body", "a JSON object is required");
        return Optional.empty();
      }
      return Optional.of(r);
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      error(ex, 400, field == null ? "body" : field, "wrong type");
      return Optional.empty();
    } catch (IOException e) {
      error(ex, 400, "body", "not valid JSON");
      return Optional.empty();
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new HashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return out;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return b;
  }

  private static void errors(HttpExchange ex, SubscriptionValidator.Result v) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    SubscriptionValidator.FieldError first = v.errors().get(0);
    out.put("error", first.field() + ": " + first.message());
    out.put("field", first.field());
    var all = out.putArray("errors");
    v.errors().forEach(e -> all.addObject().put("field", e.field()).put("message", e.message()));
    json(ex, 400, out);
  }

  private static void error(HttpExchange ex, int status, String field, String message) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", message);
    out.put("field", field);
    json(ex, status, out);
  }

  private static void json(HttpExchange ex, int status, Object body) throws IOException {
    send(ex, status, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void html(HttpExchange ex, int status, String page) throws IOException {
    ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'");
    send(ex, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
