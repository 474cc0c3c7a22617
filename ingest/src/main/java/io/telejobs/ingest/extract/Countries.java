package io.telejobs.ingest.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country names and codes as sites write them, to ISO 3166-1 alpha-2. */
public final class Countries {
  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      @SuppressWarnings("deprecation") Locale l = new Locale("", code);
      BY_NAME.put(l.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
      BY_NAME.put(code.toLowerCase(Locale.ROOT), code);
      try {
        BY_NAME.put(l.getISO3Country().toLowerCase(Locale.ROOT), code);
      } catch (java.util.MissingResourceException ignored) {
        // no alpha-3 code known for this country
      }
    }
    BY_NAME.put("usa", "US");
    BY_NAME.put("u.s.", "US");
    BY_NAME.put("u.s.a.", "US");
    BY_NAME.put("united states of america", "US");
    BY_NAME.put("uk", "GB");
    BY_NAME.put("england", "GB");
    BY_NAME.put("bharat", "IN");
  }

  private Countries() {}

  /** The alpha-2 code for a name or code, or null. */
  public static String codeOf(String nameOrCode) {
    if (nameOrCode == null) {
      return null;
    }
    return BY_NAME.get(nameOrCode.strip().toLowerCase(Locale.ROOT));
  }
}
