package io.telejobs.matcher.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.Tier;
import io.telejobs.matcher.profile.DescriptionRule;
import io.telejobs.matcher.profile.LevelRules;
import io.telejobs.matcher.profile.RoleProfile;
import io.telejobs.matcher.profile.SalaryBand;
import io.telejobs.matcher.profile.TierRule;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads a role profile from YAML (or JSON) into the plain {@link RoleProfile}. Every mistake in the file
 * is an {@link IllegalArgumentException} that names the file and the field.
 */
public final class ProfileFiles {
  /** The bundled first profile. */
  public static final String DEFAULT = "classpath:profiles/telehealth-project-manager.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ProfileFiles() {}

  /** Loads a path, or {@code classpath:...} for a bundled profile. */
  public static RoleProfile load(String location) {
    try (InputStream in = open(location)) {
      return parse(YAML.readTree(in), location);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read profile " + location + ": " + e.getMessage(), e);
    }
  }

  /** Parses profile text (YAML or JSON). */
  public static RoleProfile parse(String text, String origin) {
    try {
      return parse(YAML.readTree(text), origin);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read profile " + origin + ": " + e.getMessage(), e);
    }
  }

  private static RoleProfile parse(JsonNode root, String origin) {
    try {
      Map<String, List<String>> concepts = phraseLists(root.path("concepts"), "concepts");
      Map<String, List<String>> negatives = phraseLists(root.path("negatives"), "negatives");
      List<TierRule> rules = new ArrayList<>();
      DescriptionRule description = null;
      Iterator<Map.Entry<String, JsonNode>> tiers = root.path("tiers").fields();
      while (tiers.hasNext()) {
        Map.Entry<String, JsonNode> e = tiers.next();
        if (e.getKey().equals("description")) {
          description = descriptionRule(e.getValue());
          continue;
        }
        Tier tier = enumOf(Tier.class, e.getKey(), "tiers");
        double score = e.getValue().path("score").asDouble(0.9);
        for (JsonNode r : e.getValue().path("rules")) {
          rules.add(new TierRule(tier, required(r, "name"), strings(r.path("all")), strings(r.path("none")), score));
        }
      }
      return new RoleProfile(required(root, "id"), required(root, "version"), root.path("name").asText(""),
          concepts, negatives, strings(root.path("negativesLiftedBy")), strings(root.path("qualifierFiller")),
          rules, description, levels(root.path("levels")),
          bands(root.path("salaryBands")), phraseLists(root.path("skills"), "skills"),
          phraseLists(root.path("certifications"), "certifications"),
          phraseLists(root.path("industries"), "industries"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("profile " + origin + ": " + e.getMessage(), e);
    }
  }

  private static DescriptionRule descriptionRule(JsonNode d) {
    List<DescriptionRule.Evidence> evidence = new ArrayList<>();
    for (JsonNode e : d.path("evidence")) {
      evidence.add(new DescriptionRule.Evidence(required(e, "count"), required(e, "as"), e.path("score").asDouble(0.5)));
    }
    return new DescriptionRule(required(d, "generic"), d.path("minMentions").asInt(2), evidence);
  }

  private static LevelRules levels(JsonNode l) {
    Map<Level, List<String>> phrases = new EnumMap<>(Level.class);
    for (Level level : List.of(Level.LEAD, Level.SENIOR, Level.ENTRY, Level.MID)) {
      JsonNode n = l.path(level.name().toLowerCase(Locale.ROOT));
      if (n.isArray()) {
        phrases.put(level, strings(n));
      }
    }
    Map<String, Level> numerals = new LinkedHashMap<>();
    l.path("numerals").fields().forEachRemaining(e ->
        numerals.put(e.getKey().toLowerCase(Locale.ROOT), enumOf(Level.class, e.getValue().asText(), "levels.numerals")));
    TreeMap<Integer, Level> years = new TreeMap<>();
    for (JsonNode y : l.path("yearsOfExperience")) {
      years.put(y.path("min").asInt(), enumOf(Level.class, required(y, "level"), "levels.yearsOfExperience"));
    }
    Level def = enumOf(Level.class, l.path("default").asText("mid"), "levels.default");
    return new LevelRules(phrases, numerals, years, def);
  }

  private static Map<String, List<SalaryBand>> bands(JsonNode b) {
    Map<String, List<SalaryBand>> out = new LinkedHashMap<>();
    b.fields().forEachRemaining(e -> {
      if (!e.getKey().matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("salaryBands: '" + e.getKey() + "' is not an ISO 4217 code");
      }
      List<SalaryBand> list = new ArrayList<>();
      for (JsonNode band : e.getValue()) {
        list.add(new SalaryBand(enumOf(Level.class, required(band, "level"), "salaryBands"),
            new BigDecimal(required(band, "min")),
            band.hasNonNull("max") ? new BigDecimal(band.get("max").asText()) : null));
      }
      out.put(e.getKey(), list);
    });
    return out;
  }

  private static Map<String, List<String>> phraseLists(JsonNode n, String field) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> {
      if (!e.getValue().isArray()) {
        throw new IllegalArgumentException(field + "." + e.getKey() + " must be a list of phrases");
      }
      out.put(e.getKey(), strings(e.getValue()));
    });
    return out;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : n) {
      out.add(s.asText());
    }
    return out;
  }

  private static String required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return v.asText();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": unknown " + type.getSimpleName().toLowerCase(Locale.ROOT)
          + " '" + value + "'");
    }
  }

  private static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      InputStream in = ProfileFiles.class.getClassLoader().getResourceAsStream(location.substring(10));
      if (in == null) {
        throw new IOException("no bundled profile " + location);
      }
      return in;
    }
    return Files.newInputStream(Path.of(location));
  }
}
