package io.telejobs.matcher.text;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text into comparable tokens: Unicode-folded, lower case, punctuation and dashes as spaces,
 * {@code tele-health} / {@code tele health} joined into {@code telehealth}, and (for titles) common
 * abbreviations expanded: {@code Sr.} to senior, {@code Mgr} to manager, {@code PM} to project manager.
 */
public final class Normalizer {
  /** Title abbreviations and what they stand for (package-private: the tokenizer tests read them). */
  static final Map<String, String[]> TITLE_ABBREVIATIONS = Map.ofEntries(
      Map.entry("sr", new String[] {"senior"}),
      Map.entry("snr", new String[] {"senior"}),
      Map.entry("jr", new String[] {"junior"}),
      Map.entry("mgr", new String[] {"manager"}),
      Map.entry("mngr", new String[] {"manager"}),
      Map.entry("mgmt", new String[] {"management"}),
      Map.entry("pm", new String[] {"project", "manager"}),
      Map.entry("pgm", new String[] {"program", "manager"}),
      Map.entry("tpm", new String[] {"technical", "program", "manager"}),
      Map.entry("dir", new String[] {"director"}),
      Map.entry("vp", new String[] {"vice", "president"}),
      Map.entry("assoc", new String[] {"associate"}),
      Map.entry("asst", new String[] {"assistant"}),
      Map.entry("coord", new String[] {"coordinator"}),
      Map.entry("ops", new String[] {"operations"}),
      Map.entry("prog", new String[] {"program"}),
      Map.entry("proj", new String[] {"project"}),
      Map.entry("hc", new String[] {"healthcare"}),
      Map.entry("mgt", new String[] {"management"}));

  private Normalizer() {}

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
    List<String> out = new Pass(text, title).run();
    // a capital sigma, which String.toLowerCase lowers by its place in the word: read the lowered text
    return out != null ? out : new Pass(text.toLowerCase(Locale.ROOT), title).run();
  }

  /**
   * One pass over the text, lower-casing as it reads (as {@link String#toLowerCase(Locale)} with
   * {@link Locale#ROOT} does, char by char, for every character but one, {@link #run} says which). A word
   * of ASCII letters and digits becomes a substring, lowered only if it holds a capital; a word with any
   * other character is built character by character from each character's compatibility form (NFKC), with
   * letters' accents dropped, so that cost is only paid where such characters are. "tele" waits for the
   * next word to join it.
   */
  private static final class Pass {
    private final String text;
    private final boolean title;
    private final List<String> out;
    private final StringBuilder folded = new StringBuilder(16);
    private int start = -1;
    private int hash; // String.hashCode of the lower-case ASCII word being read
    private boolean upper; // the ASCII word being read holds a capital
    private boolean slow;
    private boolean tele;

    Pass(String text, boolean title) {
      this.text = text;
      this.title = title;
      this.out = new ArrayList<>(Math.max(4, text.length() / 6));
    }

    /**
     * The tokens, or null when the text holds a capital sigma, which String.toLowerCase lowers by its place
     * in the word (final sigma): such text is lowered whole first. (It lowers a capital I with a dot into
     * an i and a combining dot, which a word drops: the same token as the i alone.)
     */
    List<String> run() {
      int n = text.length();
      for (int i = 0; i < n; i++) {
        char c = text.charAt(i);
        if (c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
          if (!slow) {
            upper = true;
          }
        }
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
          if (start < 0) {
            start = i;
            hash = c;
          } else if (slow) {
            folded.append(c);
          } else {
            hash = 31 * hash + c;
          }
        } else if (c < 128) {
          separator(c, i);
        } else if (c == '\u03a3') {
          return null;
        } else {
          String k = compatibilityForm(Character.toLowerCase(c));
          for (int j = 0; j < k.length(); j++) {
            char d = k.charAt(j);
            if (d >= 'a' && d <= 'z' || d >= '0' && d <= '9') {
              append(d, i);
            } else if (d > 127 && Character.isLetter(d)) {
              append(stripAccent(d), i);
            } else if (start >= 0 && isMark(d)) {
              toSlow(i); // a combining accent on the word's letter: the letter without it
            } else {
              separator(d, i);
            }
          }
        }
      }
      separator(' ', n);
      if (tele) {
        out.add("tele");
      }
      return out;
    }

    private void append(char c, int i) {
      if (start < 0) {
        start = i;
        folded.setLength(0);
        slow = true;
      } else {
        toSlow(i);
      }
      folded.append(c);
    }

    /** The word so far becomes built text: what follows is appended, not taken as a substring. */
    private void toSlow(int i) {
      if (!slow) {
        folded.setLength(0);
        for (int j = start; j < i; j++) {
          char c = text.charAt(j);
          folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        slow = true;
      }
    }

    private void separator(char c, int i) {
      if (start >= 0) {
        String word = slow ? WordTable.SHARED.word(folded.toString()) : WordTable.SHARED.word(text, start, i, hash, upper);
        tele = emit(out, word, tele, title);
        start = -1;
        slow = false;
        upper = false;
      }
      if (c == '&') {
        tele = emit(out, "and", tele, title);
      }
    }
  }

  /** Each character's NFKC form, lower-cased; filled as characters are met (a benign race: strings are immutable). */
  private static final String[] COMPATIBILITY = new String[Character.MAX_VALUE + 1];

  private static String compatibilityForm(char c) {
    String k = COMPATIBILITY[c];
    if (k == null) {
      k = Character.isSurrogate(c) ? " " : java.text.Normalizer.normalize(String.valueOf(c), Form.NFKC).toLowerCase(Locale.ROOT);
      COMPATIBILITY[c] = k;
    }
    return k;
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  /** Adds one word; returns whether it is a "tele" still waiting for the next word. */
  private static boolean emit(List<String> out, String t, boolean tele, boolean title) {
    if (tele) {
      out.add(WordTable.SHARED.word("tele" + t));
      return false;
    }
    if (t.equals("tele")) {
      return true;
    }
    if (title) {
      String[] expansion = TITLE_ABBREVIATIONS.get(t);
      if (expansion != null) {
        java.util.Collections.addAll(out, expansion);
        return false;
      }
    }
    out.add(t);
    return false;
  }

  private static char stripAccent(char c) {
    String d = java.text.Normalizer.normalize(String.valueOf(c), Form.NFD);
    char base = d.charAt(0);
    return base < 128 ? base : c;
  }
}
