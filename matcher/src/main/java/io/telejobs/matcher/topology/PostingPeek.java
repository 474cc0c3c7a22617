package io.telejobs.matcher.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.telejobs.contracts.Json;
import java.io.IOException;

/**
 * Reads the title of a serialized posting with Jackson's streaming parser and checks that the whole
 * record is well-formed JSON, without binding it: far cheaper than full deserialization for the many
 * postings whose title alone rules them out.
 */
final class PostingPeek {
  private static final JsonFactory FACTORY = Json.mapper().getFactory();

  private PostingPeek() {}

  /**
   * The top-level {@code title}, or null when absent.
   *
   * @throws IOException when the bytes are not well-formed JSON (the caller dead-letters them)
   */
  static String title(byte[] json) throws IOException {
    String title = null;
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a posting must be a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("title") && value == JsonToken.VALUE_STRING) {
          title = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("trailing content after the posting object");
      }
    }
    return title;
  }
}
