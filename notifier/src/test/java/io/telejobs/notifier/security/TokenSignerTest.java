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
}
