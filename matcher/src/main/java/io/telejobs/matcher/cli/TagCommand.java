package io.telejobs.matcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.tag.TagInput;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.tag.Tagging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tags postings with no Kafka: JSON lines in (a file or stdin), tagged JSON lines out. A line needs only
 * a {@code title}; {@code salary} may be text or a {@code JobPosting}-style object, and {@code
 * description}, {@code company}, {@code locations}, {@code countries}, {@code workMode} are used when
 * present. A line that cannot be read is answered with an {@code error} line; the run goes on.
 *
 * <pre>
 * usage: tag [--profile FILE|classpath:...] [INPUT.jsonl|-]
 * </pre>
 */
public final class TagCommand {
  private static final ObjectMapper JSON = Json.mapper();

  private TagCommand() {}

  public static void main(String[] args) throws IOException {
    String profile = System.getenv().getOrDefault("APP_PROFILE_FILE", ProfileFiles.DEFAULT);
    String input = "-";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--profile" -> profile = args[++i];
        case "-h", "--help" -> {
          System.out.println("usage: tag [--profile FILE|classpath:...] [INPUT.jsonl|-]\n"
              + "Reads JSON lines ({\"title\": ..., \"salary\": ..., \"description\": ...}) and prints one tagged JSON line each.");
          return;
        }
        default -> input = args[i];
      }
    }
    Tagger tagger = new Tagger(ProfileFiles.load(profile));
    try (Reader reader = input.equals("-")
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8)) {
      int errors = run(tagger, new BufferedReader(reader), System.out);
      if (errors > 0) {
        System.err.println("tag: " + errors + " line(s) could not be read; see their \"error\" output");
      }
    }
  }

  /** Tags every line; returns how many lines were errors. */
  static int run(Tagger tagger, BufferedReader in, PrintStream out) throws IOException {
    int lineNo = 0;
    int errors = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      ObjectNode result;
      try {
        result = tag(tagger, JSON.readTree(line));
      } catch (IOException | RuntimeException e) {
        errors++;
        result = JSON.createObjectNode();
        result.put("line", lineNo);
        result.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
      }
      out.println(JSON.writeValueAsString(result));
    }
    out.flush();
    return errors;
  }

  static ObjectNode tag(Tagger tagger, JsonNode in) {
    if (in == null || !in.isObject()) {
      throw new IllegalArgumentException("each line must be a JSON object with at least a \"title\"");
    }
    String title = text(in, "title");
    if (title == null) {
      throw new IllegalArgumentException("missing \"title\"");
    }
    TagInput input = new TagInput(title, text(in, "description"), text(in, "company"), strings(in.get("locations")),
        strings(in.get("countries")), workMode(text(in, "workMode")), null, salary(in.get("salary")));
    Tagging t = tagger.tag(input);
    ObjectNode out = JSON.createObjectNode();
    out.put("schemaVersion", 1);
    out.put("title", title);
    out.setAll((ObjectNode) JSON.valueToTree(t));
    return out;
  }

  private static StatedSalary salary(JsonNode s) {
    if (s == null || s.isNull()) {
      return null;
    }
    if (s.isTextual()) {
      return s.asText().isBlank() ? null : StatedSalary.ofText(s.asText());
    }
    if (s.isObject()) {
      return new StatedSalary(text(s, "text"), text(s, "currency"), decimal(s.get("min")), decimal(s.get("max")),
          decimal(s.get("value")), text(s, "unit"));
    }
    throw new IllegalArgumentException("\"salary\" must be text or an object");
  }

  private static BigDecimal decimal(JsonNode n) {
    return n == null || n.isNull() ? null : new BigDecimal(n.asText());
  }

  private static WorkMode workMode(String s) {
    return s == null ? null : WorkMode.valueOf(s.toUpperCase(Locale.ROOT));
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else if (n != null && n.isTextual()) {
      out.add(n.asText());
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
