package io.telejobs.matcher.profile;

import io.telejobs.contracts.Level;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * How to read a career level.
 *
 * @param titlePhrases phrases per level, most senior level checked first
 * @param numerals Roman numerals at the end of a title ("ii") to levels
 * @param minYears minimum years of experience asked for, to level
 * @param defaultLevel level of a matched title with no other signal
 */
public record LevelRules(
    Map<Level, List<String>> titlePhrases,
    Map<String, Level> numerals,
    NavigableMap<Integer, Level> minYears,
    Level defaultLevel) {

  public LevelRules {
    titlePhrases = Map.copyOf(titlePhrases);
    numerals = Map.copyOf(numerals);
    minYears = java.util.Collections.unmodifiableNavigableMap(new java.util.TreeMap<>(minYears));
  }
}
