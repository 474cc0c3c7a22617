package io.telejobs.matcher.salary;

import io.telejobs.contracts.Limits;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the pay statement in a description when the posting has no structured pay: US pay-transparency
 * sentences ("The pay range for this position is $100,000 - $125,000/yr"), "Compensation: …" and "Salary: …"
 * lines, hourly rates. A candidate is the sentence around an amount written with a currency (a symbol, a
 * code, or lakh / LPA); it counts only when pay words stand near the amount and the sentence is not about a
 * bonus, a budget, revenue, a reimbursement or a 401(k), which {@link SalaryParser} already refuses.
 *
 * <p>One pass over the text: each candidate is at most {@link #WINDOW} characters on either side of its
 * amount, and at most {@link #MAX_CANDIDATES} candidates are read, so a hostile description costs linear time.
 */
public final class DescriptionPay {
  /** Characters read before and after an amount. */
  static final int WINDOW = 220;
  /** Candidates tried per description. */
  static final int MAX_CANDIDATES = 24;

  /**
   * Words that make a sentence a pay statement. A period alone ("per year") is not enough in a description:
   * "manages $13-17M per year in research expenditures".
   */
  private static final String[] PAY_WORDS = {
    "salary", "pay range", "pay rate", "base pay", "pay:", "pay is", "pay for this", "compensation", "wage",
    "hourly rate", "rate of pay", "starting pay", "hiring range", "pay scale", "base rate", "range", "lpa", "ctc",
    "remuneration"};
  /**
   * A line that is nothing but a pay range, with a period or a currency code, as pay-transparency footers write
   * it: "$135,000 - $155,000 a year", "$125,500—$212,800 USD", "$114,000/year to $171,000/year + bonus + equity".
   */
  private static final Pattern RANGE_LINE = Pattern.compile(
      "(?i)(?:us\\$|ca\\$|a\\$|\\$|£|€|₹)\\s?[\\d,.]+\\s?k?(?:\\s?/\\s?(?:yr|year|hr|hour))?\\s*(?:-|–|—|to)\\s*"
          + "(?:us\\$|ca\\$|a\\$|\\$|£|€|₹)\\s?[\\d,.]+\\s?k?(?:\\s?/\\s?(?:yr|year|hr|hour))?"
          + "(?:\\s*(?:usd|cad|aud|gbp|eur|inr))?(?:\\s*(?:a|an|per)\\s+(?:year|hour))?"
          + "(?:\\s*\\+\\s*(?:bonus|equity|benefits|commission))*");
  /** Characters before a candidate sentence in which a heading's pay word counts ("Annual Salary Range"). */
  static final int HEADING = 160;

  private final SalaryParser parser = new SalaryParser();

  /**
   * The pay a description states.
   *
   * @param salary what was read
   * @param sentence the sentence it was read from, as written (up to {@link Limits#SALARY_TEXT} characters)
   */
  public record Found(ParsedSalary salary, String sentence) {}

  /** The first pay statement of the description, or empty. */
  public Optional<Found> find(String description, String countryHint) {
    if (description == null || description.isEmpty()) {
      return Optional.empty();
    }
    String text = description.length() > Limits.DESCRIPTION ? description.substring(0, Limits.DESCRIPTION) : description;
    int tried = 0;
    int n = text.length();
    int lastEnd = -1;
    for (int i = 0; i < n && tried < MAX_CANDIDATES; i++) {
      if (!amountStartsAt(text, i)) {
        continue;
      }
      int from = sentenceStart(text, i);
      int to = sentenceEnd(text, i);
      if (to <= lastEnd) {
        continue; // this amount's sentence was already read
      }
      lastEnd = to;
      tried++;
      String sentence = text.substring(from, to).strip();
      if (!hasPayWord(sentence) && !hasPayWord(text.substring(Math.max(0, from - HEADING), from))
          && !RANGE_LINE.matcher(sentence).matches()) {
        continue;
      }
      SalaryParser.Reading reading = parser.read(sentence, null, countryHint);
      if (reading.salary().isPresent()) {
        return Optional.of(new Found(reading.salary().get(),
            sentence.length() > Limits.SALARY_TEXT ? sentence.substring(0, Limits.SALARY_TEXT) : sentence));
      }
    }
    return Optional.empty();
  }

  /** A currency symbol or code followed by a digit, or a digit followed by lakh / LPA. */
  private static boolean amountStartsAt(String s, int i) {
    char c = s.charAt(i);
    if (c == '$' || c == '£' || c == '€' || c == '₹') {
      int j = i + 1;
      while (j < s.length() && j < i + 3 && s.charAt(j) == ' ') {
        j++;
      }
      return j < s.length() && Character.isDigit(s.charAt(j));
    }
    if (Character.isDigit(c) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
      int j = i;
      while (j < s.length() && j < i + 16 && (Character.isDigit(s.charAt(j)) || s.charAt(j) == ',' || s.charAt(j) == '.')) {
        j++;
      }
      while (j < s.length() && s.charAt(j) == ' ') {
        j++;
      }
      String after = s.substring(j, Math.min(s.length(), j + 5)).toLowerCase(Locale.ROOT);
      return after.startsWith("lpa") || after.startsWith("lakh") || after.startsWith("lac") || after.startsWith("usd")
          || after.startsWith("gbp") || after.startsWith("eur") || after.startsWith("inr") || after.startsWith("cad")
          || after.startsWith("aud");
    }
    if ((c == 'U' || c == 'I' || c == 'R' || c == 'G' || c == 'E' || c == 'C' || c == 'A') && i + 4 < s.length()) {
      String code = s.substring(i, i + 3);
      int j = i + 3;
      if (code.equals("Rs.") || code.startsWith("Rs")) {
        j = code.equals("Rs.") ? i + 3 : i + 2;
      } else if (!(code.equals("USD") || code.equals("INR") || code.equals("GBP") || code.equals("EUR")
          || code.equals("CAD") || code.equals("AUD"))) {
        return false;
      }
      while (j < s.length() && j < i + 6 && s.charAt(j) == ' ') {
        j++;
      }
      return j < s.length() && Character.isDigit(s.charAt(j));
    }
    return false;
  }

  private static int sentenceStart(String s, int i) {
    int limit = Math.max(0, i - WINDOW);
    for (int k = i - 1; k >= limit; k--) {
      if (isStop(s, k)) {
        return k + 1;
      }
    }
    return limit;
  }

  private static int sentenceEnd(String s, int i) {
    int limit = Math.min(s.length(), i + WINDOW);
    for (int k = i + 1; k < limit; k++) {
      if (isStop(s, k)) {
        return k;
      }
    }
    return limit;
  }

  /** A line break, a bullet, or a full stop before a space that is not "Rs. ". */
  private static boolean isStop(String s, int k) {
    char c = s.charAt(k);
    if (c == '\n' || c == '•' || c == '\r') {
      return true;
    }
    return c == '.' && (k + 1 == s.length() || s.charAt(k + 1) == ' ')
        && !(k >= 2 && s.charAt(k - 2) == 'R' && s.charAt(k - 1) == 's');
  }

  private static boolean hasPayWord(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (String w : PAY_WORDS) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
