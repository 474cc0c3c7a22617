package io.telejobs.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sources file (JSON): {@code {"sources": [{"name": ..., "type": "listing", "seeds": [...],
 * "linkSelector": ..., "nextSelector": ..., "maxDepth": 2, "maxPages": 200, "interval": "PT6H"}, {"name": ..., "type":
 * "greenhouse" | "lever" | "ashby", "board": ..., "company": ...}]}}.
 *
 * <p>{@code ${NAME}} in a string is replaced by the variable {@code NAME}, so that one file can point at
 * a site whose address is known only at run time. An unknown variable is an error that names it.
 */
public final class SourcesFile {
  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

  private SourcesFile() {}

  /** Loads {@code location}: a file path, or {@code classpath:...} for a bundled file. */
  public static List<Source> load(String location, Map<String, String> variables) {
    String text;
    try {
      text = read(location);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read sources file " + location + ": " + e.getMessage(), e);
    }
    return parse(text, variables, location);
  }

  static List<Source> parse(String json, Map<String, String> variables, String origin) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(substitute(json, variables, origin));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(origin + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode list = root.get("sources");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException(origin + ": expected a non-empty \"sources\" array");
    }
    List<Source> sources = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    for (JsonNode s : list) {
      i++;
      try {
        List<URI> seeds = new ArrayList<>();
        JsonNode seedNodes = s.get("seeds");
        if (seedNodes != null) {
          for (JsonNode seed : seedNodes) {
            seeds.add(URI.create(seed.asText().strip()));
          }
        }
        String apiBase = text(s, "apiBase");
        Source source = new Source(text(s, "name"), text(s, "type"), seeds, text(s, "linkSelector"),
            text(s, "nextSelector"), s.path("maxDepth").asInt(0), s.path("maxPages").asInt(0), text(s, "board"),
            text(s, "company"), apiBase == null ? null : URI.create(apiBase), text(s, "urlPattern"),
            selectors(s.get("selectors")), interval(text(s, "interval")));
        if (!names.add(source.name())) {
          throw new IllegalArgumentException("duplicate source name '" + source.name() + "'");
        }
        sources.add(source);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(origin + ": source #" + i + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(sources);
  }

  /** The {@code ${NAME}} variables a sources file uses. */
  public static java.util.Set<String> variablesUsed(String location) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    try {
      Matcher m = VAR.matcher(read(location));
      while (m.find()) {
        names.add(m.group(1));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read sources file " + location + ": " + e.getMessage(), e);
    }
    return names;
  }

  static String substitute(String text, Map<String, String> variables, String origin) {
    Matcher m = VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(origin + " uses ${" + m.group(1) + "}, which is not set");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** An ISO-8601 duration ({@code PT6H}, {@code P1D}), or null when absent. */
  private static java.time.Duration interval(String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.Duration.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("interval '" + text + "' is not an ISO-8601 duration such as PT6H or P1D");
    }
  }

  private static Map<String, String> selectors(JsonNode n) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static String read(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String resource = location.substring("classpath:".length());
      try (InputStream in = SourcesFile.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("no such bundled file");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    return Files.readString(Path.of(location), StandardCharsets.UTF_8);
  }
}
