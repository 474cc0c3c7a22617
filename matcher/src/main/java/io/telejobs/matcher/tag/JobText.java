package io.telejobs.matcher.tag;

import io.telejobs.contracts.Limits;
import java.util.ArrayList;
import java.util.List;

/** What a matched job carries of its posting's text: a snippet, and the distinct words for keyword criteria. */
public final class JobText {
  private JobText() {}

  /** The start of the description, whitespace collapsed, at most {@link Limits#SNIPPET} characters. */
  public static String snippet(String description) {
    if (description == null || description.isBlank()) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(description.length(), Limits.SNIPPET + 1));
    boolean space = false;
    for (int i = 0; i < description.length() && out.length() <= Limits.SNIPPET; i++) {
      char c = description.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return Limits.cut(out.toString(), Limits.SNIPPET);
  }

  /**
   * Distinct words of title and description (normalised tokens), title first, each at most
   * {@link Limits#KEYWORD} characters, at most {@link Limits#KEYWORDS} of them.
   */
  public static List<String> keywords(List<String> titleTokens, List<String> descriptionTokens) {
    int n = titleTokens.size() + descriptionTokens.size();
    List<String> out = new ArrayList<>(Math.min(n, Limits.KEYWORDS));
    // an open-addressing set sized for every token: tokens carry their hash already, and no entry is allocated
    String[] seen = new String[Integer.highestOneBit(Math.max(2, Math.min(n, Limits.KEYWORDS)) * 2 - 1) * 2];
    int mask = seen.length - 1;
    for (List<String> tokens : List.of(titleTokens, descriptionTokens)) {
      for (String t : tokens) {
        if (out.size() >= Limits.KEYWORDS) {
          return out;
        }
        if (t.length() > Limits.KEYWORD) {
          continue;
        }
        int h = t.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        while (seen[i] != null && !seen[i].equals(t)) {
          i = (i + 1) & mask;
        }
        if (seen[i] == null) {
          seen[i] = t;
          out.add(t);
        }
      }
    }
    return out;
  }
}
