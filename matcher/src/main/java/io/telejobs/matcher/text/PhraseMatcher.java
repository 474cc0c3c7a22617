package io.telejobs.matcher.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds phrases of named groups in a token list in one pass: phrases are indexed by their first token,
 * so the cost grows with the text, not with the number of phrases.
 */
public final class PhraseMatcher {
  /** One phrase found: its group, the phrase as written in the profile, its token position and length. */
  public record Hit(String group, String phrase, int position, int length) {}

  private record Entry(String group, String phrase, String[] tokens) {}

  private final Map<String, List<Entry>> byFirstToken = new HashMap<>();

  /** @param groups group name to its phrases (written in any form; they are normalised here) */
  public PhraseMatcher(Map<String, List<String>> groups) {
    groups.forEach((group, phrases) -> {
      for (String phrase : phrases) {
        List<String> t = Normalizer.tokens(phrase);
        if (!t.isEmpty()) {
          byFirstToken.computeIfAbsent(t.get(0), k -> new ArrayList<>())
              .add(new Entry(group, phrase, t.toArray(String[]::new)));
        }
      }
    });
  }

  /** Every occurrence of every phrase, in text order. */
  public List<Hit> find(List<String> tokens) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      List<Entry> candidates = byFirstToken.get(tokens.get(i));
      if (candidates == null) {
        continue;
      }
      for (Entry e : candidates) {
        if (matchesAt(tokens, i, e.tokens)) {
          hits.add(new Hit(e.group, e.phrase, i, e.tokens.length));
        }
      }
    }
    return hits;
  }

  /** The first phrase found per group, in text order of the groups' first hits. */
  public Map<String, Hit> firstPerGroup(List<String> tokens) {
    Map<String, Hit> first = new LinkedHashMap<>();
    for (Hit h : find(tokens)) {
      first.putIfAbsent(h.group(), h);
    }
    return first;
  }

  private static boolean matchesAt(List<String> tokens, int start, String[] phrase) {
    if (start + phrase.length > tokens.size()) {
      return false;
    }
    for (int j = 1; j < phrase.length; j++) {
      if (!tokens.get(start + j).equals(phrase[j])) {
        return false;
      }
    }
    return true;
  }
}
