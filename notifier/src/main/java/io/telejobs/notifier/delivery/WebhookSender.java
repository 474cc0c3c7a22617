package io.telejobs.notifier.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.net.AddressRefusedException;
import io.telejobs.net.OutboundHttp;
import io.telejobs.notifier.security.TokenSigner;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 *
 * The request goes through {@link OutboundHttp}: the address policy is applied to the address connected
 * to, redirects are not followed, and the whole exchange has a deadline.
 */
public final class WebhookSender {
  public static final String TIMESTAMP_HEADER = "X-Telejobs-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Telejobs-Signature";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  private static final int MAX_ANSWER_BYTES = 16 * 1024;

  private final OutboundHttp http;
  private final TokenSigner signer;
  private final Clock clock;

  public WebhookSender(TokenSigner signer, OutboundHttp http, Clock clock) {
    this.http = http;
    this.signer = signer;
    this.clock = clock;
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
    OutboundHttp.Response response = post(alert.subscription().webhookUrl(), alert.subscription().id(), body(alert),
        alert.alertId());
    int status = response.status();
    if (status >= 200 && status < 300) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    throw new DeliveryException("the webhook answered HTTP " + status
        + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""), retryable, null);
  }

  /**
   * Proves that whoever registers a webhook owns its receiver, as Slack and GitHub do: posts a signed
   * {@code {"type": "url_verification", "challenge": "..."}} and requires a 2xx answer whose body contains
   * the challenge (as {@code {"challenge": "..."}} or as plain text). Nothing is stored before it passes.
   *
   * @throws DeliveryException with a message for the subscriber when the receiver does not answer it
   */
  public void verify(String url, String subscriptionId) throws DeliveryException {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String challenge = HexFormat.of().formatHex(random);
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", "url_verification");
    body.put("challenge", challenge);
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the challenge", e);
    }
    OutboundHttp.Response answer = post(url, subscriptionId, bytes, "verify-" + challenge);
    if (answer.status() < 200 || answer.status() >= 300) {
      throw new DeliveryException("the webhook answered the verification request with HTTP " + answer.status()
          + "; it must answer 200 with the challenge", false, null);
    }
    if (!new String(answer.body(), StandardCharsets.UTF_8).contains(challenge)) {
      throw new DeliveryException("the webhook's answer to the verification request did not contain the challenge",
          false, null);
    }
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /**
   * Posts a signed body to a subscription's webhook and returns the answer; every failure is a
   * {@link DeliveryException} in words, never an exception of the HTTP client.
   */
  OutboundHttp.Response post(String url, String subscriptionId, byte[] body, String idempotencyKey)
      throws DeliveryException {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (RuntimeException e) {
      throw new DeliveryException("the webhook URL is not valid", false, e);
    }
    long ts = clock.instant().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TIMESTAMP_HEADER, Long.toString(ts));
    headers.put(SIGNATURE_HEADER, signature(secretFor(signer, subscriptionId), ts, body));
    headers.put(IDEMPOTENCY_HEADER, idempotencyKey);
    try {
      return http.post(uri, body, "application/json", headers, MAX_ANSWER_BYTES);
    } catch (AddressRefusedException e) {
      throw new DeliveryException("the webhook URL is refused: " + e.getMessage(), false, e);
    } catch (UnknownHostException e) {
      throw new DeliveryException("the webhook's host does not resolve", true, e);
    } catch (OutboundHttp.DeadlineExceededException e) {
      throw new DeliveryException("the webhook did not answer in time (" + e.getMessage() + ")", true, e);
    } catch (IOException e) {
      throw new DeliveryException("the webhook could not be reached: " + describe(e), true, e);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2")
        .toLowerCase(Locale.ROOT) : m;
  }

  static byte[] body(Alert alert) {
    MatchedJob job = alert.job();
    try {
      if ("slack".equals(alert.subscription().webhookFormat())) {
        ObjectNode slack = Json.mapper().createObjectNode();
        String link = job.link();
        slack.put("text", (alert.current() ? "Fits your alert now: " : "New job: ") + (link == null ? slackEscape(job.title()) : "<" + slackEscape(link) + "|"
            + slackEscape(job.title()) + ">")
            + (job.company() == null ? "" : " at " + slackEscape(job.company()))
            + " (" + job.tier().name().toLowerCase(Locale.ROOT) + ", " + job.level().name().toLowerCase(Locale.ROOT) + ")");
        return Json.mapper().writeValueAsBytes(slack);
      }
      ObjectNode out = Json.mapper().createObjectNode();
      out.put("schemaVersion", 2);
      out.put("alertId", alert.alertId());
      out.put("subscriptionId", alert.subscription().id());
      out.set("job", Json.mapper().valueToTree(job));
      out.set("fits", Json.mapper().valueToTree(alert.fits()));
      // true: a job that was already live when the subscription started or changed (sent once, like any alert)
      out.put("current", alert.current());
      return Json.mapper().writeValueAsBytes(out);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write webhook body", e);
    }
  }

  private static String slackEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
