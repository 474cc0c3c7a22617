package io.telejobs.contracts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * A hiring company's name as compared across sources (plain Java: the matcher's job identity starts with it,
 * and {@link PostingPartitions} places postings by it).
 */
public final class CompanyKey {
  private static final Set<String> COMPANY_NOISE = Set.of("inc", "llc", "ltd", "limited", "pvt", "private", "corp",
      "corporation", "co", "plc", "gmbh", "the", "llp", "lp", "sa", "ag");

  private CompanyKey() {}

  /**
   * A company's name as compared across sources: compatibility form, accents dropped, lower case, words of
   * letters and digits joined by single spaces, legal-form words ({@code Inc}, {@code LLC}, {@code GmbH}...)
   * left out. "Teladoc Health, Inc." and "TELADOC HEALTH" give {@code teladoc health}; null or no words give "".
   */
  public static String of(String company) {
    if (company == null || company.isBlank()) {
      return "";
    }
    String folded = Normalizer.normalize(company, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    int start = -1;
    for (int i = 0; i <= folded.length(); i++) {
      char c = i < folded.length() ? folded.charAt(i) : ' ';
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // an accent of the letter before it
      }
      if (Character.isLetterOrDigit(c)) {
        if (start < 0) {
          start = out.length();
        }
        out.append(c);
      } else if (start >= 0) {
        if (COMPANY_NOISE.contains(out.substring(start))) {
          out.setLength(start == 0 ? 0 : start - 1);
        } else {
          out.append(' ');
        }
        start = -1;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }
}
