package io.telejobs.matcher.level;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.Reason;
import io.telejobs.matcher.profile.LevelRules;
import io.telejobs.matcher.text.PhraseMatcher;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the career level: lead and senior words in the title first, then a Roman numeral at its end
 * ("Project Manager II"), then entry words, then the years of experience the description asks for, then
 * the profile's default.
 */
public final class LevelClassifier {
  private static final Pattern YEARS = Pattern.compile(
      "(?:minimum of |at least |min\\.? )?(\\d{1,2})\\s*\\+?\\s*(?:(?:-|–|—|to)\\s*\\d{1,2}\\s*\\+?\\s*)?"
          + "(?:years?|yrs?)(?:['’]s?)?\\s+(?:of\\s+)?(?:[\\w/&,-]+\\s+){0,5}?experience",
      Pattern.CASE_INSENSITIVE);

  private final LevelRules rules;
  private final PhraseMatcher titleWords;

  public LevelClassifier(LevelRules rules) {
    this.rules = rules;
    Map<String, List<String>> groups = new java.util.HashMap<>();
    rules.titlePhrases().forEach((level, phrases) -> groups.put(level.name(), phrases));
    this.titleWords = new PhraseMatcher(groups);
  }

  /**
   * @param titleTokens normalised tokens of the cleaned title
   * @param description raw description text, may be empty
   */
  public LevelResult classify(List<String> titleTokens, String description) {
    Map<Level, PhraseMatcher.Hit> found = new EnumMap<>(Level.class);
    for (PhraseMatcher.Hit h : titleWords.find(titleTokens)) {
      found.putIfAbsent(Level.valueOf(h.group()), h);
    }
    String title = String.join(" ", titleTokens);
    for (Level level : List.of(Level.LEAD, Level.SENIOR)) {
      if (found.containsKey(level)) {
        return titleReason(level, found.get(level).phrase(), title);
      }
    }
    if (!titleTokens.isEmpty()) {
      String last = titleTokens.get(titleTokens.size() - 1);
      Level numeral = rules.numerals().get(last);
      if (numeral != null) {
        return new LevelResult(numeral, new Reason(tag(numeral), "level.title.numeral:" + last, title));
      }
    }
    if (found.containsKey(Level.ENTRY)) {
      return titleReason(Level.ENTRY, found.get(Level.ENTRY).phrase(), title);
    }
    Integer years = yearsAsked(description);
    if (years != null) {
      Map.Entry<Integer, Level> band = rules.minYears().floorEntry(years);
      if (band != null) {
        return new LevelResult(band.getValue(),
            new Reason(tag(band.getValue()), "level.description.years>=" + band.getKey(), years + " years"));
      }
    }
    return new LevelResult(rules.defaultLevel(),
        new Reason(tag(rules.defaultLevel()), "level.default", title));
  }

  /** The largest minimum years of experience the text asks for, or null. */
  static Integer yearsAsked(String description) {
    if (description == null || description.isEmpty()) {
      return null;
    }
    Matcher m = YEARS.matcher(description);
    Integer max = null;
    while (m.find()) {
      int y = Integer.parseInt(m.group(1));
      if (y <= 40 && (max == null || y > max)) {
        max = y;
      }
    }
    return max;
  }

  private static LevelResult titleReason(Level level, String phrase, String title) {
    return new LevelResult(level, new Reason(tag(level), "level.title:" + phrase, title));
  }

  private static String tag(Level level) {
    return "level=" + level.name().toLowerCase(Locale.ROOT);
  }
}
