package io.telejobs.notifier.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenSignerTest {
  private final TokenSigner signer = new TokenSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  @Test
  void acceptsItsOwnTokenForTheSameSubscriptionAndPurpose() {
    assertThat(signer.verify("unsubscribe", "sub-1", signer.sign("unsubscribe", "sub-1"))).isTrue();
  }

  @Test
  void tokenCannotBeReplayedOnAnotherSubscriptionOrPurpose() {
    String token = signer.sign("unsubscribe", "sub-1");
    assertThat(signer.verify("unsubscribe", "sub-2", token)).isFalse();
    assertThat(signer.verify("confirm", "sub-1", token)).isFalse();
  }

  @Test
  void anotherSecretCannotForgeATokenThatVerifies() {
    TokenSigner other = new TokenSigner("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8));
    assertThat(signer.verify("unsubscribe", "sub-1", other.sign("unsubscribe", "sub-1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!!", "AAAA", "x"})
  void rejectsGarbage(String token) {
    assertThat(signer.verify("unsubscribe", "sub-1", token)).isFalse();
  }

  @Test
  void refusesAShortSecret() {
    assertThatThrownBy(() -> new TokenSigner("short".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("32 bytes");
  }

  @org.junit.jupiter.api.Test
  void acceptsOnlyTheCanonicalSpellingOfAToken() {
    String token = signer.sign("manage", "sub-1");
    // the same 32 bytes written differently: with base64 padding, and with other unused low bits in the last character
    String padded = token + "=";
    char last = token.charAt(token.length() - 1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String sibling = token.substring(0, token.length() - 1) + alphabet.charAt((alphabet.indexOf(last) ^ 1) & 63);
    org.assertj.core.api.Assertions.assertThat(java.util.Base64.getUrlDecoder().decode(sibling))
        .as("decodes to the same bytes").isEqualTo(java.util.Base64.getUrlDecoder().decode(token));
    org.assertj.core.api.Assertions.assertThat(signer.verify("manage", "sub-1", padded)).isFalse();
    org.assertj.core.api.Assertions.assertThat(signer.verify("manage", "sub-1", sibling)).isFalse();
    org.assertj.core.api.Assertions.assertThat(signer.verify("manage", "sub-1", " " + token)).isFalse();
    org.assertj.core.api.Assertions.assertThat(signer.verify("manage", "sub-1", token)).isTrue();
  }
}
