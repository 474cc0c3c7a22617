package io.telejobs.notifier.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.notifier.delivery.DeliveryException;
import io.telejobs.notifier.delivery.EmailRenderer;
import io.telejobs.notifier.delivery.EmailSender;
import io.telejobs.notifier.delivery.RateLimiter;
import io.telejobs.notifier.delivery.WebhookSender;
import io.telejobs.notifier.security.TokenSigner;
import io.telejobs.notifier.subscriptions.SubscriptionRequest;
import io.telejobs.notifier.subscriptions.SubscriptionValidator;
import io.telejobs.web.Routes;
import io.telejobs.web.StaticAssets;
import io.telejobs.web.WebRequest;
import io.telejobs.web.WebResponse;
import io.telejobs.web.WebServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription API and pages, on the {@link WebServer}.
 *
 * <pre>
 * GET    /                                     a page to subscribe
 * POST   /api/subscriptions                    create (email: pending until confirmed)   -> 201 {id, status, manageToken}
 *                                              the same email and criteria again          -> 200, no second subscription
 * GET    /api/subscriptions/{id}               read          (Authorization: Bearer manageToken or admin token)
 * PUT    /api/subscriptions/{id}               replace       (same)
 * POST   /api/subscriptions/{id}/pause|resume  pause, resume (same)
 * DELETE /api/subscriptions/{id}               delete        (same)
 * GET    /confirm?s=ID&amp;t=TOKEN                 a page whose button confirms (mail scanners follow links, not buttons)
 * POST   /confirm                              double opt-in (form fields s, t)
 * GET    /unsubscribe?s=ID&amp;t=TOKEN             a page with an unsubscribe button
 * POST   /unsubscribe?s=ID&amp;t=TOKEN             one-click unsubscribe (RFC 8058)
 * </pre>
 *
 * Tokens are HMAC-signed per purpose and subscription: a token for one subscription or purpose is
 * refused for any other. Every bad request is a 4xx whose JSON says what to fix. Confirmation emails are
 * limited per address and sign-ups per client, and a pending subscription expires.
 */
public final class SubscriptionApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionApi.class);
  private static final ObjectMapper JSON = Json.mapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The API's limits against abuse.
   *
   * @param confirmationsPerAddress confirmation emails one address gets per day
   * @param signUpsPerClient subscriptions one client address may create per hour
   * @param pendingExpiry a subscription never confirmed is deleted after this long
   */
  public record Limits(int confirmationsPerAddress, int signUpsPerClient, Duration pendingExpiry) {
    public static Limits defaults() {
      return new Limits(3, 30, Duration.ofDays(7));
    }
  }

  private final WebServer.Settings settings;
  private final SubscriptionStore store;
  private final SubscriptionValidator validator;
  private final TokenSigner signer;
  private final EmailSender email;
  private final EmailRenderer renderer;
  private final WebhookSender webhooks;
  private final String adminToken;
  private final Clock clock;
  private final Limits limits;
  private final RateLimiter confirmationsPerAddress;
  private final RateLimiter signUpsPerClient;
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pending-subscription-sweeper");
    t.setDaemon(true);
    return t;
  });
  private volatile WebServer server;

  public SubscriptionApi(WebServer.Settings settings, SubscriptionStore store, SubscriptionValidator validator,
      TokenSigner signer, EmailSender email, EmailRenderer renderer, WebhookSender webhooks, String adminToken,
      Clock clock, Limits limits) {
    this.settings = settings;
    this.store = store;
    this.validator = validator;
    this.signer = signer;
    this.email = email;
    this.renderer = renderer;
    this.webhooks = webhooks;
    this.adminToken = adminToken == null ? "" : adminToken;
    this.clock = clock;
    this.limits = limits;
    this.confirmationsPerAddress = new RateLimiter(limits.confirmationsPerAddress(), Duration.ofDays(1), clock);
    this.signUpsPerClient = new RateLimiter(limits.signUpsPerClient(), Duration.ofHours(1), clock);
  }

  Routes routes() {
    return new Routes()
        .get("/", r -> WebResponse.html(200, Pages.subscribe()))
        .post("/api/subscriptions", this::create)
        .get("/api/subscriptions/{id}", r -> manage(r, s -> WebResponse.json(200, JSON.valueToTree(s))))
        .put("/api/subscriptions/{id}", r -> manage(r, s -> replace(r, s)))
        .delete("/api/subscriptions/{id}", r -> manage(r, s -> {
          store.put(s.id(), null);
          return WebResponse.noContent();
        }))
        .post("/api/subscriptions/{id}/pause", r -> manage(r, s -> WebResponse.json(200, JSON.valueToTree(withStatus(s,
            s.status() == SubscriptionStatus.PENDING ? SubscriptionStatus.PENDING : SubscriptionStatus.PAUSED)))))
        .post("/api/subscriptions/{id}/resume", r -> manage(r, s -> WebResponse.json(200, JSON.valueToTree(withStatus(s,
            s.status() == SubscriptionStatus.PENDING ? SubscriptionStatus.PENDING : SubscriptionStatus.ACTIVE)))))
        .get("/confirm", this::confirmPage)
        .post("/confirm", this::confirm)
        .get("/manage", this::managePage)
        .post("/manage", this::manageAction)
        .get("/unsubscribe", r -> unsubscribe(r, false))
        .post("/unsubscribe", r -> unsubscribe(r, true))
        .assets(new StaticAssets("/assets/", "web/assets/"));
  }

  public void start() {
    this.server = WebServer.start(settings, routes());
    long every = Math.max(1_000, Math.min(limits.pendingExpiry().toMillis() / 10, Duration.ofMinutes(10).toMillis()));
    sweeper.scheduleWithFixedDelay(this::expirePending, every, every, TimeUnit.MILLISECONDS);
  }

  public int port() {
    return server.port();
  }

  private java.util.function.Function<Subscription, io.telejobs.notifier.alerts.LiveJobs.Fit> liveFit =
      s -> io.telejobs.notifier.alerts.LiveJobs.Fit.UNKNOWN;

  /** How the pages count the live jobs that fit a subscription (the notifier's own live-jobs stores). */
  public SubscriptionApi liveJobs(java.util.function.Function<Subscription, io.telejobs.notifier.alerts.LiveJobs.Fit> fit) {
    this.liveFit = fit;
    return this;
  }

  /** Deletes subscriptions that stayed pending longer than the expiry. */
  void expirePending() {
    Instant cutoff = clock.instant().minus(limits.pendingExpiry());
    try {
      for (Subscription s : store.all()) {
        if (s.status() == SubscriptionStatus.PENDING && s.updatedAt().isBefore(cutoff)) {
          LOG.info("subscription {} was never confirmed in {}; deleting it", s.id(), limits.pendingExpiry());
          store.put(s.id(), null);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("could not expire pending subscriptions now ({}); trying again later", e.getMessage());
    }
  }

  private interface Action {
    WebResponse apply(Subscription s) throws Exception;
  }

  private WebResponse create(WebRequest r) throws IOException {
    if (!signUpsPerClient.tryAcquire(r.clientAddress())) {
      return WebResponse.error(429, "client", "too many sign-ups from your address in the last hour; try again later")
          .withHeader("Retry-After", "3600");
    }
    Result<SubscriptionValidator.Result> valid = validRequest(r);
    if (valid.error() != null) {
      return valid.error();
    }
    SubscriptionValidator.Result v = valid.value();
    if (v.email() != null) {
      Optional<Subscription> same = store.same(v.email(), v.criteria());
      if (same.isPresent()) {
        return sameAgain(same.get());
      }
    }
    String id = "sub-" + HexFormat.of().formatHex(randomBytes());
    if (v.webhookUrl() != null) {
      try {
        webhooks.verify(v.webhookUrl(), id);
      } catch (DeliveryException e) {
        return WebResponse.error(400, "webhookUrl", e.getMessage());
      }
    }
    SubscriptionStatus status = v.email() != null ? SubscriptionStatus.PENDING : SubscriptionStatus.ACTIVE;
    Subscription s = new Subscription(Subscription.SCHEMA_VERSION, id, v.email(), v.webhookUrl(), v.criteria(),
        v.frequency(), status, clock.instant(), v.webhookFormat(), v.timeZone(), v.digestHour());
    store.put(id, s);
    ObjectNode out = JSON.createObjectNode();
    out.put("id", id);
    out.put("status", status.name().toLowerCase(Locale.ROOT));
    out.put("manageToken", signer.sign("manage", id));
    if (v.webhookUrl() != null) {
      out.put("webhookSecret", signer.sign("webhook", id));
    }
    if (status == SubscriptionStatus.PENDING) {
      out.put("next", sendConfirmation(s));
    }
    return WebResponse.json(201, out);
  }

  /**
   * A sign-up with the email and criteria of an existing subscription: no second one. The answer does not
   * carry the existing one's tokens (whoever asks may not own the address); a pending one gets its
   * confirmation again, within the per-address limit.
   */
  private WebResponse sameAgain(Subscription existing) {
    ObjectNode out = JSON.createObjectNode();
    out.put("status", existing.status().name().toLowerCase(Locale.ROOT));
    out.put("same", true);
    if (existing.status() == SubscriptionStatus.PENDING) {
      out.put("next", "You already signed up with this email and these criteria. " + sendConfirmation(existing));
    } else {
      out.put("next", "You already have this alert; nothing new was created. Use the manage link in any alert "
          + "email to change it.");
    }
    return WebResponse.json(200, out);
  }

  private WebResponse manage(WebRequest r, Action action) throws Exception {
    String id = r.param("id");
    if (!authorised(r, id)) {
      return WebResponse.error(403, "authorization",
          "a valid manage token for this subscription, or the admin token, is required");
    }
    Optional<Subscription> current = store.get(id);
    if (current.isEmpty()) {
      return WebResponse.error(404, "id", "no subscription " + id);
    }
    return action.apply(current.get());
  }

  private WebResponse replace(WebRequest r, Subscription s) throws IOException {
    Result<SubscriptionValidator.Result> valid = validRequest(r);
    if (valid.error() != null) {
      return valid.error();
    }
    SubscriptionValidator.Result v = valid.value();
    boolean newEmail = v.email() != null && !v.email().equalsIgnoreCase(String.valueOf(s.email()));
    boolean newWebhook = v.webhookUrl() != null && !v.webhookUrl().equals(s.webhookUrl());
    if (newWebhook) {
      try {
        webhooks.verify(v.webhookUrl(), s.id());
      } catch (DeliveryException e) {
        return WebResponse.error(400, "webhookUrl", e.getMessage());
      }
    }
    SubscriptionStatus status = s.status();
    if (newEmail) {
      status = SubscriptionStatus.PENDING; // a new address must opt in
    } else if (v.email() == null && status == SubscriptionStatus.PENDING) {
      status = SubscriptionStatus.ACTIVE; // webhook only now, and the webhook was verified: nothing left to confirm
    }
    Subscription next = new Subscription(Subscription.SCHEMA_VERSION, s.id(), v.email(), v.webhookUrl(),
        v.criteria(), v.frequency(), status, clock.instant(), v.webhookFormat(), v.timeZone(), v.digestHour());
    store.put(s.id(), next);
    ObjectNode out = JSON.valueToTree(next);
    if (newEmail) {
      out.put("next", sendConfirmation(next));
    }
    io.telejobs.notifier.alerts.LiveJobs.Fit fit = liveFit.apply(next);
    if (fit.known()) {
      out.put("liveFits", fit.count());
      var places = out.putArray("placesWithNoJob");
      fit.placesWithNoJob().stream().sorted().forEach(places::add);
    }
    return WebResponse.json(200, out);
  }

  private Subscription withStatus(Subscription s, SubscriptionStatus status) {
    Subscription next = s.withStatus(status, clock.instant());
    store.put(s.id(), next);
    return next;
  }

  /** The confirmation link opens a page; only its button (a POST) confirms, so mail scanners confirm nothing. */
  private WebResponse confirmPage(WebRequest r) {
    String id = r.query("s");
    String token = r.query("t");
    if (id == null || !signer.verify("confirm", id, token)) {
      return WebResponse.html(403, Pages.message("Link not valid", "This confirmation link is not valid."));
    }
    Optional<Subscription> s = store.get(id);
    if (s.isEmpty()) {
      return WebResponse.html(404, Pages.message("Not found",
          "This subscription no longer exists. Unconfirmed sign-ups are removed after "
              + limits.pendingExpiry().toDays() + " days; please sign up again."));
    }
    return WebResponse.html(200, Pages.confirm(id, token, String.valueOf(s.get().email())));
  }

  private WebResponse confirm(WebRequest r) {
    Map<String, List<String>> form = r.form();
    String id = first(form, "s");
    String token = first(form, "t");
    if (id == null || !signer.verify("confirm", id, token)) {
      return WebResponse.html(403, Pages.message("Link not valid", "This confirmation link is not valid."));
    }
    Optional<Subscription> s = store.get(id);
    if (s.isEmpty()) {
      return WebResponse.html(404, Pages.message("Not found", "This subscription no longer exists."));
    }
    Subscription now = s.get();
    if (now.status() == SubscriptionStatus.PENDING) {
      now = withStatus(now, SubscriptionStatus.ACTIVE);
    }
    io.telejobs.notifier.alerts.LiveJobs.Fit fit = liveFit.apply(now);
    String live = !fit.known() ? "" : fit.count() == 0
        ? " No live job fits it yet; new ones will come as they are posted."
        : " " + fit.count() + (fit.count() == 1 ? " live job fits" : " live jobs fit")
            + " it now: they come together in one email in a moment.";
    return WebResponse.html(200, Pages.message("Subscription confirmed",
        "Alerts for " + Entities.escape(String.valueOf(now.email())) + " are on." + live));
  }

  /** The page every email links to (signed manage token): what the alert asks for, and its controls. */
  private WebResponse managePage(WebRequest r) {
    String id = r.query("s");
    String token = r.query("t");
    if (id == null || !signer.verify("manage", id, token)) {
      return WebResponse.html(403, Pages.message("Link not valid", "This manage link is not valid."));
    }
    Optional<Subscription> s = store.get(id);
    if (s.isEmpty()) {
      return WebResponse.html(404, Pages.message("Not found", "This alert no longer exists."));
    }
    return WebResponse.html(200, Pages.manage(s.get(), token, null));
  }

  /** Pause, resume, change how often and when, or delete; answered with the manage page and what changed. */
  private WebResponse manageAction(WebRequest r) {
    Map<String, List<String>> form = r.form();
    String id = first(form, "s");
    String token = first(form, "t");
    if (id == null || !signer.verify("manage", id, token)) {
      return WebResponse.html(403, Pages.message("Link not valid", "This manage link is not valid."));
    }
    Optional<Subscription> found = store.get(id);
    if (found.isEmpty()) {
      return WebResponse.html(404, Pages.message("Not found", "This alert no longer exists."));
    }
    Subscription s = found.get();
    String action = String.valueOf(first(form, "action"));
    switch (action) {
      case "pause" -> {
        Subscription next = s.status() == SubscriptionStatus.ACTIVE ? withStatus(s, SubscriptionStatus.PAUSED) : s;
        return WebResponse.html(200, Pages.manage(next, token, "Paused: no alerts until you resume."));
      }
      case "resume" -> {
        Subscription next = s.status() == SubscriptionStatus.PAUSED ? withStatus(s, SubscriptionStatus.ACTIVE) : s;
        return WebResponse.html(200, Pages.manage(next, token, "Resumed: alerts are on again."));
      }
      case "delete" -> {
        store.put(id, null);
        return WebResponse.html(200, Pages.message("Alert deleted", "You will get no more alerts from it."));
      }
      case "schedule" -> {
        String problem = null;
        Frequency frequency = null;
        try {
          frequency = Frequency.valueOf(String.valueOf(first(form, "frequency")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problem = "How often must be instant, daily or weekly.";
        }
        String zone = first(form, "timeZone");
        try {
          zone = zone == null || zone.isBlank() ? null : java.time.ZoneId.of(zone.strip()).getId();
        } catch (java.time.DateTimeException e) {
          problem = "'" + zone + "' is not a time zone we know; use a name such as Asia/Kolkata.";
        }
        Integer hour = null;
        try {
          hour = first(form, "digestHour") == null ? null : Integer.valueOf(first(form, "digestHour"));
          if (hour != null && (hour < 0 || hour > 23)) {
            problem = "The digest hour must be 0 to 23.";
          }
        } catch (NumberFormatException e) {
          problem = "The digest hour must be 0 to 23.";
        }
        if (problem != null) {
          return WebResponse.html(400, Pages.manage(s, token, problem));
        }
        Subscription next = new Subscription(s.schemaVersion(), s.id(), s.email(), s.webhookUrl(), s.criteria(),
            frequency, s.status(), clock.instant(), s.webhookFormat(), zone, hour);
        store.put(id, next);
        return WebResponse.html(200, Pages.manage(next, token, "Saved: " + Pages.schedule(next) + "."));
      }
      default -> {
        return WebResponse.html(400, Pages.manage(s, token, "That button did nothing; please try again."));
      }
    }
  }

  private WebResponse unsubscribe(WebRequest r, boolean post) {
    String id = r.query("s");
    String token = r.query("t");
    if (id == null || !signer.verify("unsubscribe", id, token)) {
      return WebResponse.html(403, Pages.message("Link not valid", "This unsubscribe link is not valid."));
    }
    if (!post) {
      return WebResponse.html(200, Pages.unsubscribe(id, token));
    }
    if (store.get(id).isPresent()) {
      store.put(id, null);
    }
    return WebResponse.html(200, Pages.message("Unsubscribed", "You will get no more alerts from this subscription."));
  }

  /** Sends the opt-in email, within the per-address limit; returns what the person should do next. */
  private String sendConfirmation(Subscription s) {
    if (!confirmationsPerAddress.tryAcquire(s.email().toLowerCase(Locale.ROOT))) {
      return "We have already sent " + limits.confirmationsPerAddress() + " confirmation emails to this address today; "
          + "please use one of those links.";
    }
    try {
      email.send(renderer.confirmation(s, signer.sign("confirm", s.id())));
      return "Check your inbox and follow the confirmation link.";
    } catch (DeliveryException e) {
      LOG.warn("confirmation email for {} failed: {}", s.id(), e.getMessage());
      return "The confirmation email could not be sent just now; please try again later.";
    }
  }

  private boolean authorised(WebRequest r, String id) {
    String h = r.header("authorization");
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

  /** A value, or the response that says why there is none. */
  private record Result<T>(T value, WebResponse error) {}

  private Result<SubscriptionValidator.Result> validRequest(WebRequest r) {
    if (!r.isJson()) {
      return new Result<>(null, WebResponse.error(415, "Content-Type", "must be application/json"));
    }
    SubscriptionRequest request;
    try {
      request = JSON.readValue(r.body(), SubscriptionRequest.class);
    } catch (MismatchedInputException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
      return new Result<>(null, WebResponse.error(400, field == null ? "body" : field, "wrong type"));
    } catch (IOException e) {
      return new Result<>(null, WebResponse.error(400, "body", "not valid JSON"));
    }
    if (request == null) {
      return new Result<>(null, WebResponse.error(400, "body", "a JSON object is required"));
    }
    SubscriptionValidator.Result v = validator.validate(request);
    if (!v.ok()) {
      ObjectNode out = JSON.createObjectNode();
      SubscriptionValidator.FieldError first = v.errors().get(0);
      out.put("error", first.field() + ": " + first.message());
      out.put("field", first.field());
      var all = out.putArray("errors");
      v.errors().forEach(e -> all.addObject().put("field", e.field()).put("message", e.message()));
      return new Result<>(null, WebResponse.json(400, out));
    }
    return new Result<>(v, null);
  }

  private static String first(Map<String, List<String>> form, String name) {
    List<String> v = form.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[12];
    RANDOM.nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    WebServer s = server;
    if (s != null) {
      s.close();
    }
  }
}
