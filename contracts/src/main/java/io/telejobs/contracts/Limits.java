package io.telejobs.contracts;

/**
 * The size of every field a record may carry. Ingest cuts what is longer (with a note on
 * {@code ingest.errors.v1}); the record constructors refuse what is still longer, so that a record too big
 * for Kafka is never built and a consumer never trusts a producer to have cut it. The README's security
 * section lists them.
 */
public final class Limits {
  private Limits() {}

  /** A job title, in characters. Real titles stay under 150. */
  public static final int TITLE = 300;
  /** A company name. */
  public static final int COMPANY = 200;
  /** One location. */
  public static final int LOCATION = 200;
  /** Locations of one posting. */
  public static final int LOCATIONS = 50;
  /** Countries of one posting. */
  public static final int COUNTRIES = 50;
  /** Employment types of one posting, and the length of one. */
  public static final int EMPLOYMENT_TYPES = 10;
  /** A description, in characters of plain text (real ones are 2,000 to 15,000). */
  public static final int DESCRIPTION = 50_000;
  /** Any URL. */
  public static final int URL = 2_048;
  /** Salary text as posted. */
  public static final int SALARY_TEXT = 500;
  /** Other short strings: ids, source names, evidence, hashes. */
  public static final int SHORT = 500;
  /** The plain-text snippet of a description carried by a matched job. */
  public static final int SNIPPET = 320;
  /** Distinct words of title and description a matched job carries for keyword criteria. */
  public static final int KEYWORDS = 1_000;
  /** One keyword. */
  public static final int KEYWORD = 40;
  /** Source URLs of one matched job found at several sources. */
  public static final int SOURCE_URLS = 20;
  /** Reasons of one matched job. */
  public static final int REASONS = 100;

  /** Fails when {@code value} is longer than {@code max} characters. */
  static String checkLength(String value, int max, String field) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(field + " is longer than " + max + " characters (" + value.length() + ")");
    }
    return value;
  }

  /** Fails when the list has more than {@code max} items or an item longer than {@code maxItem}. */
  static java.util.List<String> checkList(java.util.List<String> values, int max, int maxItem, String field) {
    if (values == null) {
      return java.util.List.of();
    }
    if (values.size() > max) {
      throw new IllegalArgumentException(field + " has more than " + max + " items (" + values.size() + ")");
    }
    for (String v : values) {
      if (v == null) {
        throw new IllegalArgumentException(field + " has an empty item");
      }
      checkLength(v, maxItem, field + " item");
    }
    return java.util.List.copyOf(values);
  }

  /**
   * {@code text} cut to {@code max} characters, without splitting a surrogate pair, ending in "…" when cut.
   */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
