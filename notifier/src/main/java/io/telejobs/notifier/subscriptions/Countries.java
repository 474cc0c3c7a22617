package io.telejobs.notifier.subscriptions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Countries as people write them: an ISO code ("IN"), the English name ("India", "United States"), or a
 * common short form ("USA", "UK", "UAE"). Names come from the JDK's own ISO 3166 table.
 */
public final class Countries {
  private static final Set<String> CODES = Set.of(Locale.getISOCountries());
  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    for (String code : CODES) {
      BY_NAME.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
    }
    Map<String, String> aliases = Map.ofEntries(
        Map.entry("usa", "US"), Map.entry("u.s.", "US"), Map.entry("u.s.a.", "US"), Map.entry("america", "US"),
        Map.entry("united states of america", "US"), Map.entry("the united states", "US"),
        Map.entry("uk", "GB"), Map.entry("u.k.", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"),
        Map.entry("england", "GB"), Map.entry("scotland", "GB"), Map.entry("wales", "GB"),
        Map.entry("northern ireland", "GB"), Map.entry("uae", "AE"), Map.entry("emirates", "AE"),
        Map.entry("korea", "KR"), Map.entry("south korea", "KR"), Map.entry("holland", "NL"),
        Map.entry("bharat", "IN"), Map.entry("czech republic", "CZ"), Map.entry("russia", "RU"),
        Map.entry("vietnam", "VN"), Map.entry("turkey", "TR"));
    aliases.forEach((name, code) -> BY_NAME.put(key(name), code));
  }

  private Countries() {}

  /** The ISO code of what a person wrote, or null when it names no country. */
  public static String code(String written) {
    if (written == null || written.isBlank()) {
      return null;
    }
    String s = written.strip();
    if (s.length() == 2 && Character.isLetter(s.charAt(0)) && Character.isLetter(s.charAt(1))) {
      String upper = s.toUpperCase(Locale.ROOT);
      if (upper.equals("UK")) {
        return "GB";
      }
      return CODES.contains(upper) ? upper : null;
    }
    return BY_NAME.get(key(s));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
