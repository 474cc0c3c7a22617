package io.telejobs.matcher.tag;

import io.telejobs.contracts.Limits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
    Set<String> out = new LinkedHashSet<>();
    for (List<String> tokens : List.of(titleTokens, descriptionTokens)) {
      for (String t : tokens) {
        if (out.size() >= Limits.KEYWORDS) {
          return new ArrayList<>(out);
        }
        if (t.length() <= Limits.KEYWORD) {
          out.add(t);
        }
      }
    }
    return new ArrayList<>(out);
  }
}
