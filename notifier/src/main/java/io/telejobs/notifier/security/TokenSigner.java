package io.telejobs.notifier.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 tokens bound to a purpose and a subject (a subscription id), so that a token for one
 * subscription or one purpose is worthless for another. Verification is constant-time.
 */
public final class TokenSigner {
  private final SecretKeySpec key;

  /** @param secret at least 32 bytes of secret */
  public TokenSigner(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("token secret must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** URL-safe token for {@code purpose} ("unsubscribe", "confirm") and {@code subject}. */
  public String sign(String purpose, String subject) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, subject));
  }

  /**
   * True only for the exact token {@link #sign} makes: compared in constant time as text, so that no other
   * spelling of the same bytes (padding, other unused bits) is accepted.
   */
  public boolean verify(String purpose, String subject, String token) {
    if (token == null || subject == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(purpose, subject).getBytes(StandardCharsets.US_ASCII),
        token.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] mac(String purpose, String subject) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal((purpose + "\u0000" + subject).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
