package io.telejobs.notifier.delivery;

import java.util.Map;

/**
 * One email, ready to send.
 *
 * @param to recipient address
 * @param subject subject line
 * @param text plain-text body
 * @param html HTML body, every piece of posting content escaped
 * @param messageId stable Message-ID, derived from subscriber x job, so receivers can drop a repeat
 * @param headers extra headers (List-Unsubscribe, List-Unsubscribe-Post)
 */
public record Email(String to, String subject, String text, String html, String messageId,
    Map<String, String> headers) {
  public Email {
    headers = Map.copyOf(headers);
  }
}
