package io.telejobs.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of a record on {@code notifier.retries.v1}: which channel of which alert is tried again,
 * how many attempts were made, when the next is due, when the first failed and why the last did.
 *
 * @param channel {@code EMAIL} or {@code WEBHOOK}
 * @param attempts attempts made so far (0 when it was parked because its receiver had just failed)
 * @param due when the next attempt may start
 * @param firstFailure when the first attempt failed
 * @param lastError why the last attempt failed, in words
 */
public record DeliveryRetries(String channel, int attempts, Instant due, Instant firstFailure, String lastError) {
  public static final String CHANNEL = "retry.channel";
  public static final String ATTEMPTS = "retry.attempts";
  public static final String DUE = "retry.due";
  public static final String FIRST_FAILURE = "retry.first-failure";
  public static final String LAST_ERROR = "retry.last-error";

  public DeliveryRetries {
    JobPosting.requireText(channel, "channel");
    if (attempts < 0 || due == null || firstFailure == null) {
      throw new IllegalArgumentException("attempts, due and firstFailure are required");
    }
    lastError = lastError == null ? "" : Limits.cut(lastError, Limits.SHORT);
  }

  /** These values as record headers. */
  public Headers toHeaders() {
    Headers h = new RecordHeaders();
    put(h, CHANNEL, channel);
    put(h, ATTEMPTS, Integer.toString(attempts));
    put(h, DUE, Long.toString(due.toEpochMilli()));
    put(h, FIRST_FAILURE, Long.toString(firstFailure.toEpochMilli()));
    put(h, LAST_ERROR, lastError);
    return h;
  }

  /** Reads the headers of a retry record; fails with a readable message when one is missing or wrong. */
  public static DeliveryRetries from(Headers headers) {
    try {
      return new DeliveryRetries(text(headers, CHANNEL), Integer.parseInt(text(headers, ATTEMPTS)),
          Instant.ofEpochMilli(Long.parseLong(text(headers, DUE))),
          Instant.ofEpochMilli(Long.parseLong(text(headers, FIRST_FAILURE))), text(headers, LAST_ERROR));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a retry header is not a number: " + e.getMessage(), e);
    }
  }

  private static String text(Headers headers, String key) {
    Header h = headers.lastHeader(key);
    if (h == null || h.value() == null) {
      throw new IllegalArgumentException("retry record has no " + key + " header");
    }
    return new String(h.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }
}
