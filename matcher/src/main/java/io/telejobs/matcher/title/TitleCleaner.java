package io.telejobs.matcher.title;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what is not the role from a title: locations, work modes and requisition ids written after a
 * separator ("| Remote, US", "- Boston, MA", " – Hybrid") or in parentheses ("(Remote)").
 */
public final class TitleCleaner {
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern PLACE_LIST = Pattern.compile("\\s*[,/;]\\s*|\\s+or\\s+|\\s+and\\s+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
  private static final Pattern SEPARATOR = Pattern.compile("\\s+[|/@•·:]\\s*|\\s+[-]\\s+|\\s*\\|\\s*");
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
    if (plain(raw)) {
      return new Cleaned(raw.strip(), List.of());
    }
    String t = DASHES.matcher(raw).replaceAll("-").replace('\u00a0', ' ').strip();
    List<String> removed = new ArrayList<>();
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
    String[] parts = SEPARATOR.split(t);
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
    // "Telehealth Project Manager, Remote" or "..., Boston, MA": trailing comma segments
    while (true) {
      int comma = t.lastIndexOf(',');
      if (comma <= 0) {
        break;
      }
      String tail = t.substring(comma + 1).strip();
      String withPrev = tail;
      int prevComma = t.lastIndexOf(',', comma - 1);
      if (prevComma > 0) {
        withPrev = t.substring(prevComma + 1).strip();
      }
      if (prevComma > 0 && isCityState(withPrev) && isStateOrCountry(tail)) {
        removed.add(withPrev.toLowerCase(Locale.ROOT));
        t = t.substring(0, prevComma).strip();
      } else if (isPlaceOrNoise(tail)) {
        removed.add(tail.toLowerCase(Locale.ROOT));
        t = t.substring(0, comma).strip();
      } else {
        break;
      }
    }
    return new Cleaned(SPACES.matcher(t).replaceAll(" ").strip(), List.copyOf(removed));
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
    if (!CITY_STATE.matcher(segment).matches()) {
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
    if (REQ_ID.matcher(s).matches() || isCityState(segment.strip())) {
      return true;
    }
    for (String piece : PLACE_LIST.split(s)) {
      String p = piece.strip();
      if (!p.isEmpty() && !PLACE_WORDS.contains(p) && !REGION_CODES.contains(p) && !DIGITS.matcher(p).matches()) {
        return false;
      }
    }
    return true;
  }
}
