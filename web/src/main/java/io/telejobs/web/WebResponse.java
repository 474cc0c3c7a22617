package io.telejobs.web;

import io.telejobs.contracts.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a route answers: status, content type, body and extra headers. Security headers are added by the
 * server to every response.
 */
public record WebResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
  public WebResponse {
    body = body == null ? new byte[0] : body;
    headers = Map.copyOf(headers);
  }

  public static WebResponse html(int status, String page) {
    return new WebResponse(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  public static WebResponse text(int status, String contentType, String text) {
    return new WebResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** A value written with the shared JSON mapper. */
  public static WebResponse json(int status, Object value) {
    try {
      return new WebResponse(status, "application/json", Json.mapper().writeValueAsBytes(value), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"error": message, "field": field}}: what is wrong, in words for the person who sent it. */
  public static WebResponse error(int status, String field, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("field", field);
    return json(status, body);
  }

  public static WebResponse noContent() {
    return new WebResponse(204, null, new byte[0], Map.of());
  }

  /** 303 See Other to {@code location}: after a form POST, the browser GETs the result. */
  public static WebResponse seeOther(String location) {
    return new WebResponse(303, null, new byte[0], Map.of("Location", location));
  }

  /** The same response with one more header. */
  public WebResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new WebResponse(status, contentType, body, h);
  }
}
