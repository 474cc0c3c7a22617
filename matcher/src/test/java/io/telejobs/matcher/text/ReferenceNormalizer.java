package io.telejobs.matcher.text;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tokenizer as it was before the one-pass rewrite (two passes, the whole text NFKC-normalised): the reference the fast one is checked against. */
final class ReferenceNormalizer {
  private static final Map<String, String[]> TITLE_ABBREVIATIONS = Normalizer.TITLE_ABBREVIATIONS;

  private ReferenceNormalizer() {}

  /** Tokens of free text (descriptions): no abbreviation expansion. */
  public static List<String> tokens(String text) {
    return tokens(text, false);
  }

  /** Tokens of a title: abbreviations expanded. */
  public static List<String> titleTokens(String title) {
    return tokens(title, true);
  }

  /** The tokens joined by single spaces. */
  public static String normalize(String text, boolean title) {
    return String.join(" ", tokens(text, title));
  }

  private static List<String> tokens(String text, boolean title) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String folded = isAscii(text) ? text : java.text.Normalizer.normalize(text, Form.NFKC).toLowerCase(Locale.ROOT);
    int n = folded.length();
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      char c = folded.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + 32);
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&') {
        chars[i] = c;
      } else if (c > 127 && Character.isLetter(c)) {
        chars[i] = stripAccent(c);
      } else {
        chars[i] = ' ';
      }
    }
    List<String> raw = new ArrayList<>(Math.max(4, n / 5));
    int start = -1;
    for (int i = 0; i <= n; i++) {
      boolean word = i < n && chars[i] != ' ' && chars[i] != '&';
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        raw.add(new String(chars, start, i - start));
        start = -1;
      }
      if (i < n && chars[i] == '&') {
        raw.add("and");
      }
    }
    List<String> out = new ArrayList<>(raw.size() + 4);
    for (int i = 0; i < raw.size(); i++) {
      String t = raw.get(i);
      if (t.equals("tele") && i + 1 < raw.size()) {
        out.add("tele" + raw.get(++i));
        continue;
      }
      if (title) {
        String[] expansion = TITLE_ABBREVIATIONS.get(t);
        if (expansion != null) {
          out.addAll(List.of(expansion));
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  private static char stripAccent(char c) {
    String d = java.text.Normalizer.normalize(String.valueOf(c), Form.NFD);
    char base = d.charAt(0);
    return base < 128 ? base : c;
  }
}
