package io.telejobs.notifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.telejobs.contracts.Json;
import io.telejobs.testkit.FixtureHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** What a test webhook receiver does that a real one must: answer the verification challenge. */
final class Receivers {
  private Receivers() {}

  /** When {@code body} is a verification request, answers it with its challenge and returns true. */
  static boolean answeredChallenge(HttpExchange ex, byte[] body) throws IOException {
    JsonNode json;
    try {
      json = Json.mapper().readTree(body);
    } catch (IOException e) {
      return false;
    }
    if (json == null || !"url_verification".equals(json.path("type").asText())) {
      return false;
    }
    String answer = "{\"challenge\":\"" + json.path("challenge").asText() + "\"}";
    FixtureHttpServer.send(ex, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
    return true;
  }
}
