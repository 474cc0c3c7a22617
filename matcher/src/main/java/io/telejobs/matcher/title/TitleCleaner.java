package io.telejobs.matcher.title;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import io.telejobs.contracts.Limits;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Removes what is not the role from a title: locations, work modes and requisition ids written after a
 * separator ("| Remote, US", "- Boston, MA", " – Hybrid") or in parentheses ("(Remote)").
 *
 * <p>Titles are scraped text, so every step is linear in the title's length: the expressions run on
 * RE2/J, whose matching never backtracks, and only where they can match (most titles have no bracket, no
 * unusual space and no list of places); separators are split and the trailing place segments taken off in
 * one pass each. A title is read only up to {@link Limits#TITLE} characters.
 */
public final class TitleCleaner {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PLACE_LIST = Pattern.compile("\\s*[,/;]\\s*|\\s+or\\s+|\\s+and\\s+");
  private static final Pattern DASHES = Pattern.compile("[\\x{2010}-\\x{2015}\\x{2212}\\x{FE58}\\x{FE63}\\x{FF0D}]");
  private static final Pattern PARENS = Pattern.compile("\\s*[(\\[]([^)\\]]*)[)\\]]");
  private static final Pattern CITY_STATE = Pattern.compile("^[\\p{L} .'-]+,\\s*[A-Za-z]{2}(,\\s*[\\p{L} .]+)?$");
  private static final Pattern REQ_ID = Pattern.compile(
      "^(?:req(?:uisition)?|job|id|ref)?\\s*#?\\s*[A-Za-z]{0,4}[-_]?\\d{3,}[A-Za-z0-9-]*$",
      Pattern.CASE_INSENSITIVE);
  /** US states, Canadian provinces and common country codes written after a city. */
  static final Set<String> REGION_CODES = Set.of(
      "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia",
      "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm",
      "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa",
      "wv", "wi", "wy", "pr", "on", "qc", "bc", "ab", "mb", "ns", "nb", "sk", "us", "uk", "gb", "au",
      "nz", "ie", "fr", "nl", "sg", "ae");
  private static final Set<String> PLACE_WORDS = Set.of(
      "remote", "hybrid", "onsite", "on-site", "on site", "in office", "in-office", "wfh",
      "work from home", "anywhere", "nationwide", "telecommute", "telecommuting", "virtual",
      "us", "usa", "u.s.", "united states", "india", "uk", "united kingdom", "canada", "australia",
      "germany", "ireland", "emea", "apac", "latam", "north america", "europe",
      "bengaluru", "bangalore", "mumbai", "delhi", "new delhi", "hyderabad", "pune", "chennai",
      "gurugram", "gurgaon", "noida", "kolkata", "ahmedabad", "london", "toronto", "sydney",
      "new york", "nyc", "boston", "chicago", "dallas", "austin", "seattle", "atlanta", "denver",
      "houston", "phoenix", "nashville", "san francisco", "los angeles", "philadelphia", "miami",
      "full time", "full-time", "part time", "part-time", "contract", "temporary", "temp", "prn",
      "per diem", "12 month contract", "6 month contract", "w2", "1099");

  /**
   * The cleaned title and what was removed.
   *
   * @param title the role part of the title
   * @param removed the segments taken out, lower case
   */
  public record Cleaned(String title, List<String> removed) {}

  private TitleCleaner() {}

  public static Cleaned clean(String raw) {
    if (raw == null) {
      return new Cleaned("", List.of());
    }
    String capped = raw.length() > Limits.TITLE ? raw.substring(0, Limits.TITLE) : raw;
    if (plain(capped)) {
      return new Cleaned(capped.strip(), List.of());
    }
    String t = (ascii(capped) ? capped : DASHES.matcher(capped).replaceAll("-").replace('\u00a0', ' ')).strip();
    List<String> removed = new ArrayList<>();
    if (t.indexOf('(') >= 0 || t.indexOf('[') >= 0) {
      Matcher m = PARENS.matcher(t);
      StringBuilder kept = new StringBuilder();
      while (m.find()) {
        String inner = m.group(1).strip();
        if (isPlaceOrNoise(inner)) {
          removed.add(inner.toLowerCase(Locale.ROOT));
          m.appendReplacement(kept, "");
        } else {
          m.appendReplacement(kept, Matcher.quoteReplacement(" " + inner));
        }
      }
      m.appendTail(kept);
      t = kept.toString().strip();
    }
    String[] parts = splitSeparators(t);
    if (parts.length > 1) {
      List<String> keep = new ArrayList<>();
      keep.add(parts[0]);
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].strip();
        if (p.isEmpty()) {
          continue;
        }
        if (isPlaceOrNoise(p)) {
          removed.add(p.toLowerCase(Locale.ROOT));
        } else {
          keep.add(p);
        }
      }
      t = String.join(" - ", keep);
    }
    // "Telehealth Project Manager, Remote" or "..., Boston, MA": trailing comma segments, taken off from the
    // end in one pass over the comma positions
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == ',') {
        commas.add(i);
      }
    }
    int end = t.length();
    int k = commas.size() - 1;
    while (k >= 0 && commas.get(k) > 0) {
      int comma = commas.get(k);
      String tail = t.substring(comma + 1, end).strip();
      int prevComma = k > 0 ? commas.get(k - 1) : -1;
      String withPrev = prevComma > 0 ? t.substring(prevComma + 1, end).strip() : tail;
      if (prevComma > 0 && isCityState(withPrev) && isStateOrCountry(tail)) {
        removed.add(withPrev.toLowerCase(Locale.ROOT));
        end = prevComma;
        k -= 2;
      } else if (isPlaceOrNoise(tail)) {
        removed.add(tail.toLowerCase(Locale.ROOT));
        end = comma;
        k -= 1;
      } else {
        break;
      }
    }
    t = t.substring(0, end).strip();
    // a bracket's content is kept with a space before it, so the result is cut to the limit again
    if (hasRunOfSpace(t)) {
      t = SPACES.matcher(t).replaceAll(" ");
    }
    return new Cleaned(Limits.cut(t.strip(), Limits.TITLE), List.copyOf(removed));
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@link #SPACES} would change {@code s}: a space other than ' ', or two in a row. */
  private static boolean hasRunOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c) && (c != ' ' || i + 1 < s.length() && isSpace(s.charAt(i + 1)))) {
        return true;
      }
    }
    return false;
  }

  /** RE2's {@code \s}: ASCII space, tab, newline, form feed and carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /**
   * {@code SEPARATOR.split(t)} in one pass without the regular-expression engine: a separator is '|' with
   * any spaces around it, ' - ' with spaces on both sides, or one of {@code / @ • · :} after a space, each
   * with the spaces around it. Empty parts at the end are dropped, as RE2/J's {@code split} does (it keeps
   * one when all are empty).
   */
  static String[] splitSeparators(String t) {
    List<String> parts = null;
    int from = 0;
    int n = t.length();
    for (int i = 0; i < n; i++) {
      char c = t.charAt(i);
      boolean bar = c == '|';
      if (!bar && c != '-' && c != '/' && c != '@' && c != '\u2022' && c != '\u00b7' && c != ':') {
        continue;
      }
      int start = i;
      while (start > from && isSpace(t.charAt(start - 1))) {
        start--;
      }
      int end = i + 1;
      while (end < n && isSpace(t.charAt(end))) {
        end++;
      }
      boolean spaceBefore = start < i;
      if (bar || (c == '-' ? spaceBefore && end > i + 1 : spaceBefore)) {
        if (parts == null) {
          parts = new ArrayList<>();
        }
        parts.add(t.substring(from, start));
        from = end;
        i = end - 1;
      }
    }
    if (parts == null) {
      return new String[] {t};
    }
    parts.add(t.substring(from));
    int size = parts.size();
    while (size > 1 && parts.get(size - 1).isEmpty()) {
      size--;
    }
    return parts.subList(0, size).toArray(String[]::new);
  }

  /** Nothing to remove: no separator, bracket, comma or unusual space. */
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '|' || c == '-' || c == '(' || c == '[' || c == ',' || c == '/' || c == '@' || c == ':'
          || c > 127) {
        return false;
      }
    }
    return !s.contains("  ");
  }

  private static boolean isStateOrCountry(String s) {
    String l = s.toLowerCase(Locale.ROOT).strip();
    return REGION_CODES.contains(l) || PLACE_WORDS.contains(l);
  }

  private static boolean isCityState(String segment) {
    if (segment.indexOf(',') < 0 || !CITY_STATE.matcher(segment).matches()) {
      return false;
    }
    String[] parts = segment.split(",");
    return isStateOrCountry(parts[1]);
  }

  static boolean isPlaceOrNoise(String segment) {
    String s = segment.toLowerCase(Locale.ROOT).strip();
    if (s.isEmpty()) {
      return true;
    }
    // the expressions run only where they can match: a requisition id has three digits, a city a comma
    if (digits(s) >= 3 && REQ_ID.matcher(s).matches() || isCityState(segment.strip())) {
      return true;
    }
    boolean list = s.contains("or") || s.contains("and") || s.indexOf(',') >= 0 || s.indexOf('/') >= 0
        || s.indexOf(';') >= 0;
    for (String piece : list ? PLACE_LIST.split(s) : new String[] {s}) {
      String p = piece.strip();
      if (!p.isEmpty() && !PLACE_WORDS.contains(p) && !REGION_CODES.contains(p) && digits(p) != p.length()) {
        return false;
      }
    }
    return true;
  }

  /** How many ASCII digits {@code s} has (RE2's {@code \d}). */
  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      n += c >= '0' && c <= '9' ? 1 : 0;
    }
    return n;
  }
}
