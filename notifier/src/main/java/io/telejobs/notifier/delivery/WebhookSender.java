package io.telejobs.notifier.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.notifier.security.TokenSigner;
import io.telejobs.notifier.subscriptions.WebhookPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts an alert to a subscriber's webhook. The body is JSON (or Slack's {@code {"text": ...}}), signed
 * with HMAC-SHA256 over {@code timestamp + "." + body} using the subscription's webhook secret, so that
 * the receiver can verify it and reject replays by the timestamp:
 *
 * <pre>
 * X-Telejobs-Timestamp: 1795600444
 * X-Telejobs-Signature: v1=&lt;hex hmac-sha256(secret, timestamp + "." + body)&gt;
 * Idempotency-Key:      &lt;alert id&gt;   (the same on every retry of the same subscriber x job)
 * </pre>
 */
public final class WebhookSender {
  public static final String TIMESTAMP_HEADER = "X-Telejobs-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Telejobs-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final HttpClient http;
  private final TokenSigner signer;
  private final WebhookPolicy policy;
  private final Clock clock;
  private final Duration timeout;

  public WebhookSender(TokenSigner signer, WebhookPolicy policy, Clock clock, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.signer = signer;
    this.policy = policy;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The secret a subscriber verifies signatures with; shown once when the webhook is registered. */
  public static String secretFor(TokenSigner signer, String subscriptionId) {
    return signer.sign("webhook", subscriptionId);
  }

  /** {@code v1=} plus the hex HMAC-SHA256 of {@code timestamp.body} under {@code secret}. */
  public static String signature(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public void send(Alert alert) throws DeliveryException {
    String url = alert.subscription().webhookUrl();
    String problem = policy.problemWith(url); // checked again at send time: DNS may have changed
    if (problem != null) {
      throw new DeliveryException("webhook URL refused: " + problem, false, null);
    }
    byte[] body = body(alert);
    long ts = clock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", "telejobs-notifier/0.1")
        .header(TIMESTAMP_HEADER, Long.toString(ts))
        .header(SIGNATURE_HEADER, signature(secretFor(signer, alert.subscription().id()), ts, body))
        .header(IDEMPOTENCY_HEADER, alert.alertId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new DeliveryException("webhook unreachable: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted", true, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    throw new DeliveryException("webhook answered HTTP " + status, retryable, null);
  }

  static byte[] body(Alert alert) {
    MatchedJob job = alert.job();
    try {
      if ("slack".equals(alert.subscription().webhookFormat())) {
        ObjectNode slack = Json.mapper().createObjectNode();
        String link = job.link();
        slack.put("text", "New job: <" + slackEscape(link) + "|" + slackEscape(job.title()) + ">"
            + (job.company() == null ? "" : " at " + slackEscape(job.company()))
            + " (" + job.tier().name().toLowerCase(Locale.ROOT) + ", " + job.level().name().toLowerCase(Locale.ROOT) + ")");
        return Json.mapper().writeValueAsBytes(slack);
      }
      ObjectNode out = Json.mapper().createObjectNode();
      out.put("schemaVersion", 1);
      out.put("alertId", alert.alertId());
      out.put("subscriptionId", alert.subscription().id());
      out.set("job", Json.mapper().valueToTree(job));
      return Json.mapper().writeValueAsBytes(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write webhook body", e);
    }
  }

  private static String slackEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
