package io.telejobs.matcher.title;

import io.telejobs.matcher.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cleaned title into the segments employers separate with punctuation: "Manager, Clinical
 * Informatics", "App Systems Analyst III - CPOE", "Specialist (Alternate Case Resolution Program Manager)".
 * A head role and its domain modifier normally sit in one segment; a segment that holds only a modifier
 * qualifies the head in another segment. One pass over the characters.
 */
public final class TitleSegments {
  private TitleSegments() {}

  /** The normalised title tokens of each non-empty segment, in order. */
  public static List<List<String>> of(String cleanedTitle) {
    List<List<String>> out = new ArrayList<>(4);
    if (cleanedTitle == null) {
      return out;
    }
    int n = cleanedTitle.length();
    int start = 0;
    for (int i = 0; i <= n; i++) {
      boolean cut = i == n || isSeparator(cleanedTitle, i);
      if (cut) {
        List<String> tokens = Normalizer.titleTokens(cleanedTitle.substring(start, i));
        if (!tokens.isEmpty()) {
          out.add(tokens);
        }
        start = i + 1;
      }
    }
    return out;
  }

  private static boolean isSeparator(String s, int i) {
    char c = s.charAt(i);
    switch (c) {
      case ',', ';', '(', ')', '[', ']', '|', ':', '\u2013', '\u2014', '\u2022':
        return true;
      case '-', '/':
        // a spaced dash or slash separates; "tele-health" and "Analyst-Radiology" do not
        return i > 0 && i + 1 < s.length() && s.charAt(i - 1) == ' ' && s.charAt(i + 1) == ' ';
      default:
        return false;
    }
  }
}
