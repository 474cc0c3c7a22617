package io.telejobs.matcher.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
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

  /** Tags every line, blank ones answered too; returns how many lines were errors. */
  static int run(Tagger tagger, BufferedReader in, PrintStream out) throws IOException {
    int lineNo = 0;
    int errors = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNo++;
      ObjectNode result;
      if (line.isBlank()) {
        result = JSON.createObjectNode();
        result.put("line", lineNo);
        result.put("skipped", "blank line: nothing to tag");
        out.println(JSON.writeValueAsString(result));
        continue;
      }
      try {
        result = tag(tagger, JSON.readTree(line));
      } catch (JsonProcessingException e) {
        errors++;
        result = error(lineNo, "line " + lineNo + " is not valid JSON"
            + (e.getLocation() == null ? "" : " (near column " + e.getLocation().getColumnNr() + ")"));
      } catch (IllegalArgumentException e) {
        errors++;
        result = error(lineNo, e.getMessage());
      } catch (RuntimeException e) {
        errors++;
        System.err.println("tag: line " + lineNo + " failed inside the tagger: " + e);
        result = error(lineNo, "this line could not be tagged because of a fault in the tagger (reported on stderr)");
      }
      out.println(JSON.writeValueAsString(result));
    }
    out.flush();
    return errors;
  }

  private static ObjectNode error(int lineNo, String message) {
    ObjectNode result = JSON.createObjectNode();
    result.put("line", lineNo);
    result.put("error", message);
    return result;
  }

  static ObjectNode tag(Tagger tagger, JsonNode in) {
    if (in == null || !in.isObject()) {
      throw new IllegalArgumentException("each line must be a JSON object with at least a \"title\"");
    }
    String title = text(in, "title");
    if (title == null) {
      throw new IllegalArgumentException("missing \"title\"");
    }
    JsonNode pay = in.has("baseSalary") ? in.get("baseSalary") : in.get("salary");
    TagInput input = new TagInput(title, text(in, "description"), text(in, "company"), strings(in.get("locations")),
        strings(in.get("countries")), workMode(text(in, "workMode")), null, salary(pay));
    Tagging t = tagger.tagComplete(input);
    ObjectNode out = JSON.createObjectNode();
    out.put("schemaVersion", 1);
    out.put("title", title);
    out.setAll((ObjectNode) JSON.valueToTree(t));
    return out;
  }

  /**
   * Pay as text, as a {@code JobPosting}-style object ({@code text, currency, min, max, value, unit}), or as
   * schema.org writes {@code baseSalary}: a MonetaryAmount whose {@code value} is a QuantitativeValue
   * ({@code minValue, maxValue, value, unitText}), a number or a string, or with {@code minValue} and
   * {@code maxValue} on the MonetaryAmount itself.
   */
  static StatedSalary salary(JsonNode s) {
    if (s == null || s.isNull()) {
      return null;
    }
    if (s.isTextual()) {
      return s.asText().isBlank() ? null : StatedSalary.ofText(s.asText());
    }
    if (s.isNumber()) {
      return new StatedSalary(null, null, null, null, s.decimalValue(), null);
    }
    if (!s.isObject()) {
      throw new IllegalArgumentException("\"salary\" must be text, a number or an object");
    }
    if (s.has("@type") || s.has("minValue") || s.has("maxValue") || s.has("unitText")) {
      JsonNode value = s.get("value");
      String currency = text(s, "currency");
      String unit = text(s, "unitText");
      BigDecimal min = decimal(s.get("minValue"), "minValue");
      BigDecimal max = decimal(s.get("maxValue"), "maxValue");
      BigDecimal single = null;
      String words = null;
      if (value != null && value.isObject()) {
        min = min != null ? min : decimal(value.get("minValue"), "value.minValue");
        max = max != null ? max : decimal(value.get("maxValue"), "value.maxValue");
        single = decimal(value.get("value"), "value.value");
        unit = unit != null ? unit : text(value, "unitText");
      } else if (value != null && value.isNumber()) {
        single = value.decimalValue();
      } else if (value != null && value.isTextual()) {
        if (isNumber(value.asText())) {
          single = new BigDecimal(value.asText().strip());
        } else {
          words = value.asText();
        }
      }
      if (words == null && min == null && max == null && single == null) {
        throw new IllegalArgumentException("\"baseSalary\" holds no amount");
      }
      if (words != null && currency != null && !words.contains(currency)) {
        words = currency + " " + words;
      }
      return new StatedSalary(words, currency, min, max, single, unit);
    }
    return new StatedSalary(text(s, "text"), text(s, "currency"), decimal(s.get("min"), "min"),
        decimal(s.get("max"), "max"), decimal(s.get("value"), "value"), text(s, "unit"));
  }

  private static boolean isNumber(String s) {
    return s.strip().matches("\\d{1,15}(\\.\\d{1,6})?");
  }

  private static BigDecimal decimal(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    String text = n.asText().strip().replace(",", "");
    if (!isNumber(text)) {
      throw new IllegalArgumentException("the pay amount \"" + field + "\" is not a number: '"
          + io.telejobs.contracts.Limits.cut(n.asText(), 40) + "'");
    }
    return new BigDecimal(text);
  }

  private static WorkMode workMode(String s) {
    if (s == null) {
      return null;
    }
    try {
      return WorkMode.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"workMode\" must be one of remote, hybrid, onsite or unknown, not '"
          + io.telejobs.contracts.Limits.cut(s, 40) + "'");
    }
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
