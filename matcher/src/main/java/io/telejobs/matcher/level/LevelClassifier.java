package io.telejobs.matcher.level;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.Reason;
import io.telejobs.matcher.profile.LevelRules;
import io.telejobs.matcher.text.PhraseMatcher;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the career level: lead and senior words in the title first, then a Roman numeral at its end
 * ("Project Manager II"), then entry words, then the years of experience the description asks for, then
 * the profile's default.
 */
public final class LevelClassifier {
  private static final java.util.Set<String> YEAR_WORDS = java.util.Set.of("year", "years", "yr", "yrs");

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
   * @param descriptionTokens {@link io.telejobs.matcher.text.Normalizer#tokens} of the description
   */
  public LevelResult classify(List<String> titleTokens, List<String> descriptionTokens) {
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
    // a grade numeral follows the head role, at the end ("Project Manager II") or before a qualifier
    // ("App Systems Analyst III - CPOE"); the first token is never one
    for (int i = titleTokens.size() - 1; i > 0; i--) {
      String token = titleTokens.get(i);
      Level numeral = rules.numerals().get(token);
      if (numeral != null && (i == titleTokens.size() - 1 || !token.equals("i"))) {
        return new LevelResult(numeral, new Reason(tag(numeral), "level.title.numeral:" + token, title));
      }
    }
    if (found.containsKey(Level.ENTRY)) {
      return titleReason(Level.ENTRY, found.get(Level.ENTRY).phrase(), title);
    }
    Integer years = yearsAsked(descriptionTokens);
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

  /**
   * The largest minimum years of experience the text asks for, or null: "5+ years of project management
   * experience" gives 5, "3-5 years experience" gives 3. Works on tokens, in one pass.
   */
  static Integer yearsAsked(List<String> tokens) {
    Integer max = null;
    for (int i = 0; i < tokens.size(); i++) {
      int first = number(tokens.get(i));
      if (first < 0) {
        continue;
      }
      int j = i + 1;
      while (j < tokens.size() && (number(tokens.get(j)) >= 0 || tokens.get(j).equals("to"))) {
        j++;
      }
      if (j >= tokens.size() || !YEAR_WORDS.contains(tokens.get(j))) {
        continue;
      }
      for (int k = j + 1; k < Math.min(tokens.size(), j + 8); k++) {
        if (tokens.get(k).equals("experience")) {
          if (first <= 40 && (max == null || first > max)) {
            max = first;
          }
          break;
        }
      }
      i = j;
    }
    return max;
  }

  private static int number(String token) {
    int n = token.length();
    if (n == 0 || n > 2) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static LevelResult titleReason(Level level, String phrase, String title) {
    return new LevelResult(level, new Reason(tag(level), "level.title:" + phrase, title));
  }

  private static String tag(Level level) {
    return "level=" + level.name().toLowerCase(Locale.ROOT);
  }
}
