package io.telejobs.matcher.location;

import io.telejobs.contracts.Reason;
import io.telejobs.contracts.WorkMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.telejobs.matcher.text.PhraseMatcher;
import com.google.re2j.Pattern;

/** Country and work mode: structured data first, then location text, then title and description. */
public final class LocationResolver {
  private static final Pattern PARTS = Pattern.compile("\\s*[,|()/-]\\s*");
  private static final Pattern REMOTE_WORD = Pattern.compile("\\bremote\\b");
  private static final Set<String> US_STATES = Set.of(
      "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia",
      "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm",
      "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa",
      "wv", "wi", "wy", "pr");
  private static final Set<String> CA_PROVINCES = Set.of("on", "qc", "bc", "ab", "mb", "ns", "nb", "sk", "nl", "pe");
  private static final Map<String, String> PLACES = new HashMap<>();
  private static final Pattern REMOTE = Pattern.compile(
      "\\b(fully remote|100% remote|remote[- ]first|remote position|remote role|work from home|"
          + "work from anywhere|telecommut\\w*|this is a remote)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern HYBRID = Pattern.compile("\\bhybrid\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern ONSITE = Pattern.compile(
      "\\b(on[- ]?site|in[- ]office|in[- ]person)\\b", Pattern.CASE_INSENSITIVE);

  /** Work-mode phrases in descriptions, matched on tokens in one pass. */
  private static final PhraseMatcher DESCRIPTION_MODES = new PhraseMatcher(Map.of(
      WorkMode.REMOTE.name(), List.of("fully remote", "100 remote", "remote first", "remote position", "remote role",
          "remote opportunity", "work from home", "work from anywhere", "telecommute", "telecommuting",
          "this is a remote", "remote within", "remote eligible"),
      WorkMode.HYBRID.name(), List.of("hybrid"),
      WorkMode.ONSITE.name(), List.of("on site", "onsite", "in office", "in person")));

  static {
    for (String s : List.of("us", "usa", "u.s.", "u.s.a.", "united states", "united states of america", "america")) {
      PLACES.put(s, "US");
    }
    for (String s : List.of("in", "ind", "india", "bharat", "bengaluru", "bangalore", "mumbai", "delhi",
        "new delhi", "ncr", "delhi ncr", "hyderabad", "pune", "chennai", "gurugram", "gurgaon", "noida",
        "kolkata", "ahmedabad", "kochi", "jaipur", "chandigarh", "karnataka", "maharashtra", "telangana",
        "tamil nadu", "haryana", "uttar pradesh", "kerala", "gujarat", "west bengal")) {
      PLACES.put(s, "IN");
    }
    for (String s : List.of("gb", "uk", "u.k.", "united kingdom", "england", "scotland", "wales", "london",
        "manchester", "birmingham", "leeds", "edinburgh", "glasgow")) {
      PLACES.put(s, "GB");
    }
    for (String s : List.of("ca", "can", "canada", "toronto", "vancouver", "montreal", "ontario", "quebec",
        "british columbia", "alberta", "calgary", "ottawa")) {
      PLACES.put(s, "CA");
    }
    for (String s : List.of("au", "aus", "australia", "sydney", "melbourne", "brisbane", "perth", "nsw", "victoria")) {
      PLACES.put(s, "AU");
    }
    for (String s : List.of("de", "deu", "germany", "deutschland", "berlin", "munich", "münchen", "hamburg")) {
      PLACES.put(s, "DE");
    }
    for (String s : List.of("ie", "ireland", "dublin")) {
      PLACES.put(s, "IE");
    }
    for (String s : List.of("sg", "singapore")) {
      PLACES.put(s, "SG");
    }
    for (String s : List.of("ae", "uae", "united arab emirates", "dubai", "abu dhabi")) {
      PLACES.put(s, "AE");
    }
    for (String s : List.of("nl", "netherlands", "amsterdam")) {
      PLACES.put(s, "NL");
    }
    for (String s : List.of("fr", "france", "paris")) {
      PLACES.put(s, "FR");
    }
  }

  /**
   * @param countries ISO codes from structured data
   * @param locations readable locations ("Boston, MA", "Remote - India")
   * @param structuredMode work mode from structured data
   * @param structuredEvidence how the structured mode was known
   * @param titleSegments segments removed from the title ("remote", "boston, ma")
   * @param descriptionTokens {@link io.telejobs.matcher.text.Normalizer#tokens} of the description
   */
  public LocationResult resolve(List<String> countries, List<String> locations, WorkMode structuredMode,
      String structuredEvidence, List<String> titleSegments, List<String> descriptionTokens) {
    List<Reason> reasons = new ArrayList<>();
    String country = null;
    if (!countries.isEmpty()) {
      country = countries.get(0).toUpperCase(Locale.ROOT);
      reasons.add(new Reason("country=" + country, "location.structured", String.join(",", countries)));
    } else {
      for (List<String> texts : List.of(locations, titleSegments)) {
        for (String text : texts) {
          String c = countryOf(text);
          if (c != null) {
            country = c;
            reasons.add(new Reason("country=" + c, texts == locations ? "location.text" : "location.title", text));
            break;
          }
        }
        if (country != null) {
          break;
        }
      }
    }

    WorkMode mode = structuredMode == null ? WorkMode.UNKNOWN : structuredMode;
    if (mode != WorkMode.UNKNOWN) {
      reasons.add(new Reason("workMode=" + name(mode), "workMode.structured",
          structuredEvidence == null ? "" : structuredEvidence));
    } else {
      List<String> near = new ArrayList<>(titleSegments);
      near.addAll(locations);
      for (String text : near) {
        WorkMode m = modeOf(text);
        if (m != WorkMode.UNKNOWN) {
          mode = m;
          reasons.add(new Reason("workMode=" + name(m), "workMode.title-or-location", text));
          break;
        }
      }
      if (mode == WorkMode.UNKNOWN && !descriptionTokens.isEmpty()) {
        Map<String, PhraseMatcher.Hit> found = DESCRIPTION_MODES.firstPerGroup(descriptionTokens);
        for (WorkMode m : List.of(WorkMode.HYBRID, WorkMode.REMOTE, WorkMode.ONSITE)) {
          PhraseMatcher.Hit hit = found.get(m.name());
          if (hit != null) {
            mode = m;
            reasons.add(new Reason("workMode=" + name(m), "workMode.description:" + hit.phrase(), hit.phrase()));
            break;
          }
        }
      }
    }
    return new LocationResult(country, mode, reasons);
  }

  /** The country a location text names, or null. "Indianapolis, IN" is the US; "Pune, India" is IN. */
  static String countryOf(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = PARTS.split(text.toLowerCase(Locale.ROOT));
    for (int i = parts.length - 1; i >= 0; i--) {
      String p = parts[i].strip();
      if (p.isEmpty()) {
        continue;
      }
      if (p.length() == 2 && i > 0) {
        // a two-letter code after a city is a state or province: "Indianapolis, IN" is in the US
        if (US_STATES.contains(p)) {
          return "US";
        }
        if (CA_PROVINCES.contains(p)) {
          return "CA";
        }
      }
      String c = PLACES.get(p);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  static WorkMode modeOf(String text) {
    if (text == null) {
      return WorkMode.UNKNOWN;
    }
    // each expression runs only when the lower-cased text holds a word every one of its phrases contains
    // (the expressions fold ASCII case only, so a match implies the word): most locations hold none
    String l = text.toLowerCase(Locale.ROOT);
    if (l.contains("hybrid") && HYBRID.matcher(text).find()) {
      return WorkMode.HYBRID;
    }
    boolean remoteWord = l.contains("remote");
    boolean shortRemote = remoteWord && l.length() < 60 && REMOTE_WORD.matcher(l).find();
    if (shortRemote || (remoteWord || l.contains("work from") || l.contains("telecommut"))
        && REMOTE.matcher(text).find()) {
      return WorkMode.REMOTE;
    }
    if ((l.contains("site") || l.contains("office") || l.contains("person")) && ONSITE.matcher(text).find()) {
      return WorkMode.ONSITE;
    }
    return WorkMode.UNKNOWN;
  }

  private static String name(WorkMode m) {
    return m.name().toLowerCase(Locale.ROOT);
  }
}
