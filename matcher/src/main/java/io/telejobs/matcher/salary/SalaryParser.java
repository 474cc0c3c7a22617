package io.telejobs.matcher.salary;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pay from free text as postings write it: {@code $120,000 - $140,000 a year}, {@code ₹15 LPA},
 * {@code Rs. 6-8 lakhs per annum}, {@code 15,00,000 CTC}, {@code £45k-£55k}, {@code €4.500 / Monat},
 * {@code up to $65/hr}, {@code from 1.2 Cr}. Amounts that are not pay (401(k) match, budgets, bonuses
 * alone) are ignored. No number means unknown: it never guesses an amount.
 */
public final class SalaryParser {
  private static final Pattern UNICODE_DASH = Pattern.compile("[\\u2010-\\u2015\\u2212]");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
  private static final Pattern COUNT_AFTER = Pattern.compile(
      "^\\s*\\+?\\s*(years?\\b|yrs?\\b|months? of|hours? (per|a) week|hrs? (per|a) week|days?\\b(?! rate)|weeks? of|%).*");
  private static final Pattern EUROPEAN_THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  static final Pattern CURRENCY_CODE = Pattern.compile("[A-Za-z]{3}");
  private static final Pattern NOT_PAY_NUMBERS = Pattern.compile(
      "\\b(401\\s*\\(?k\\)?|403\\s*\\(?b\\)?|457\\s*\\(?b\\)?|24\\s*/\\s*7|24x7|\\d+\\s*%|\\d{1,2}(:\\d{2})?\\s*(am|pm)\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_PAY_CONTEXT = Pattern.compile(
      "\\b(budget|budgets|bonus|bonuses|sign[- ]?on|signing|relocation|stipend|reimburse\\w*|equity|stock|"
          + "rsus?|referral|revenue|funding|raised|valuation|portfolio of|grant|employees|staff of|beds|"
          + "patients|clinics|hospitals|users|members|tuition|allowance|per diem travel|award|awards|contract value|deal|"
          + "expenditures?|wellness|sales|assets|capital|financing|payments|perk|subsidy|gift cards?|"
          + "savings account|learning|market|company|investors|certifications|projects|insurance|donations?|"
          + "charitable|charity)\\b",
      Pattern.CASE_INSENSITIVE);
  /** Pay words that only name a period: weaker than a not-pay word right after the amount. */
  private static final Pattern PERIOD_ONLY = Pattern.compile(
      "(?i)per annum|per year|annual|annually|hourly|per hour|/\\s*h(ou)?r|a year|an hour|range");
  /** Words that say a following bonus, equity and the like is left out of the amount. */
  private static final Pattern NEGATED = Pattern.compile(
      "\\b(not including|excluding|exclusive of|not inclusive of|does not include|without)\\s+(the\\s+)?(\\w+\\s+)?$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PAY_WORD = Pattern.compile(
      "\\b(salary|salaries|pay|compensation|base|wage|wages|rate|ctc|lpa|per annum|per year|annual|annually|"
          + "hourly|per hour|/\\s*h(ou)?r|a year|an hour|ote|package|range)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern AMOUNT = Pattern.compile(
      "(?<cur>us\\$|usd|ca\\$|c\\$|cad|a\\$|au\\$|aud|inr|rs\\.?|₹|£|gbp|€|eur|\\$)?\\s*"
          + "(?<num>\\d{1,3}(?:,\\d{2,3})+(?:\\.\\d+)?|\\d{1,3}(?:\\.\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)"
          + "\\s*(?<mult>k\\b|m\\b|mn\\b|mm\\b|million\\b|thousand\\b|lakhs?\\b|lacs?\\b|l\\b|lpa\\b|crores?\\b|cr\\b|"
          + "billions?\\b|bn\\b|b\\b|trillions?\\b|tn\\b|quadrillions?\\b)?"
          + "\\s*(?<cur2>usd|cad|aud|inr|gbp|eur|₹|€|£)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_JOIN = Pattern.compile(
      "^\\s*(-|to|and|through|till|until|/)(\\s+(a\\s+)?max(imum)?(\\s+(salary|pay|rate))?(\\s+of)?)?\\s*$",
      Pattern.CASE_INSENSITIVE);
  /** Words a range repeats on each side ("$130,000.00 USD Annually - $150,000.00 USD Annually"). */
  private static final Pattern JOIN_NOISE = Pattern.compile(
      "\\b(annually|annual|hourly|yearly|monthly|weekly|usd|per annum|ltd)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern UP_TO = Pattern.compile(
      "(\\b(up to|upto|max(imum)?|not to exceed|as much as|under)|(^|\\b(basic|salary|pay|rate|package|earnings?))\\s*:?\\s*to)\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FROM = Pattern.compile(
      "\\b(from|starting( at| from)?|starts at|min(imum)?( of)?|at least|over|above|minimum)\\s*$",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern UNSUPPORTED_PERIOD = Pattern.compile(
      "\\b(bi-?weekly|semi-?monthly|fortnightly|every two weeks|per pay period)\\b");
  private static final Pattern CURRENCY_WORD = Pattern.compile("\\b(usd|inr|gbp|eur|cad|aud|rupees)\\b");
  private static final Pattern SEPARATES = Pattern.compile(
      "(\\+|\\bplus\\b|\\band\\b|\\bwith\\b|,|;|\\bper\\b|/|\\ba year\\b|\\ban hour\\b)",
      Pattern.CASE_INSENSITIVE);
  /** "/year", "per hour", "an hour": a period as written after an amount. */
  private static final String PERIOD_WORDS_AFTER =
      "/\\s*(hr|hour|h|yr|year|mo|month|wk|week|day|annum)\\b|\\b(per|an|a)\\s+(hour|year|month|week|day|annum)\\b";
  /** "ph", "p/h", "p.hr" glued to an amount: an hourly rate. */
  private static final String PER_HOUR_GLUED = "p\\.?\\s?/?\\s?h(r|our)?\\b";
  private static final Pattern PERIOD_SUFFIX = Pattern.compile(
      PERIOD_WORDS_AFTER + "|^\\s*" + PER_HOUR_GLUED, Pattern.CASE_INSENSITIVE);
  /** A period written right after an amount ("25000/annum", "17.00ph", "7 p/h"): the amount is stated as pay. */
  private static final Pattern PERIOD_RIGHT_AFTER = Pattern.compile(
      "^\\s*(" + PERIOD_WORDS_AFTER + "|" + PER_HOUR_GLUED + "|p\\.?\\s?a\\b)",
      Pattern.CASE_INSENSITIVE);

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal LAKH = BigDecimal.valueOf(100_000);
  private static final BigDecimal CRORE = BigDecimal.valueOf(10_000_000);

  /** An amount as written; {@code periodAfter}: a period follows it at once ("25000/annum", "17.00ph"). */
  private record Amount(BigDecimal value, String currency, String multiplier, int start, int end, boolean plus,
      boolean periodAfter) {}

  /**
   * Parses {@code text}.
   *
   * @param text the pay as written
   * @param currencyHint ISO code from structured data, or null
   * @param countryHint ISO country of the posting, or null; a bare {@code $} in the US is no assumption
   */
  public Optional<ParsedSalary> parse(String text, String currencyHint, String countryHint) {
    return read(text, currencyHint, countryHint).salary();
  }

  /**
   * What was read, or why an amount that was there is not pay.
   *
   * @param salary the pay, or empty
   * @param notPay why the amounts found are not pay ("an amount with more than 15 digits"), or null
   */
  public record Reading(Optional<ParsedSalary> salary, String notPay) {}

  /** Like {@link #parse}, with the reason when amounts were found but are not pay. */
  public Reading read(String text, String currencyHint, String countryHint) {
    Optional<ParsedSalary> found;
    try {
      found = parseText(text, currencyHint, countryHint);
    } catch (OutOfRange e) {
      return new Reading(Optional.empty(), e.getMessage());
    }
    return new Reading(found, null);
  }

  /** An amount no pay is written with. */
  private static final class OutOfRange extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfRange() {
      this("an amount with more than 15 digits before or after the point is not pay");
    }

    OutOfRange(String why) {
      super(why, null, false, false);
    }
  }

  private Optional<ParsedSalary> parseText(String text, String currencyHint, String countryHint) {
    if (text == null || text.isBlank() || text.chars().noneMatch(Character::isDigit)) {
      return Optional.empty(); // no number: unknown, never a guess
    }
    if (text.length() > io.telejobs.contracts.Limits.SALARY_TEXT) {
      text = text.substring(0, io.telejobs.contracts.Limits.SALARY_TEXT); // pay text is read up to its limit
    }
    String t = UNICODE_DASH.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("-")
        .replace('\u00a0', ' ');
    String lower = t.toLowerCase(Locale.ROOT);
    String masked = mask(t);

    if (UNSUPPORTED_PERIOD.matcher(lower).find()) {
      return Optional.empty(); // biweekly, semi-monthly: not a period we annualise; unknown, not a guess
    }
    List<Amount> amounts = new ArrayList<>();
    Matcher m = AMOUNT.matcher(masked);
    while (m.find()) {
      String num = m.group("num");
      String cur = m.group("cur") != null ? m.group("cur") : m.group("cur2");
      String mult = m.group("mult");
      if (cur == null && mult == null && looksLikeYearOrCount(masked, m.end("num"), num)) {
        continue;
      }
      BigDecimal v = number(num);
      if (v == null) {
        continue;
      }
      int numberEnd = mult != null ? m.end("mult") : m.end("num");
      boolean plus = numberEnd < masked.length() && masked.charAt(numberEnd) == '+';
      boolean periodAfter = PERIOD_RIGHT_AFTER.matcher(
          masked.substring(m.end(), Math.min(masked.length(), m.end() + 20))).find();
      amounts.add(new Amount(v, cur, mult == null ? null : mult.toLowerCase(Locale.ROOT), m.start(),
          m.end(), plus, periodAfter));
    }

    // Pair amounts into statements: "A - B" is one range; a lone amount is its own statement.
    List<Amount[]> statements = new ArrayList<>();
    for (int i = 0; i < amounts.size(); i++) {
      Amount a = amounts.get(i);
      if (i + 1 < amounts.size() && joinsRange(masked.substring(a.end(), amounts.get(i + 1).start()))) {
        statements.add(new Amount[] {a, amounts.get(++i)});
      } else {
        statements.add(new Amount[] {a});
      }
    }
    // The pay is the first statement that is not a budget, bonus or the like; when any statement names
    // a currency or a multiplier, bare numbers ("Band 7") are not pay.
    boolean anyMarked = statements.stream().anyMatch(SalaryParser::marked);
    Amount[] chosen = null;
    for (Amount[] st : statements) {
      if ((anyMarked && !marked(st)) || isNotPay(masked, st[0].start(), st[st.length - 1].end())) {
        continue;
      }
      chosen = st;
      break;
    }
    if (chosen == null) {
      return Optional.empty();
    }
    Amount first = chosen[0];
    Amount second = chosen.length > 1 ? chosen[1] : null;
    String sharedMult = second != null && second.multiplier() != null ? second.multiplier() : first.multiplier();
    BigDecimal a = scale(first.value(), first.multiplier() != null ? first.multiplier()
        : (second != null && sharedAppliesToFirst(first.value(), second) ? second.multiplier() : null));
    BigDecimal b = second == null ? null : scale(second.value(), second.multiplier() != null
        ? second.multiplier() : first.multiplier());

    List<String> assumptions = new ArrayList<>();
    String currency = currency(first.currency(), second == null ? null : second.currency(), lower,
        sharedMult, currencyHint, countryHint, a, b, assumptions);
    if (currency == null) {
      return Optional.empty();
    }
    // the period written nearest after the pay ("90 per day to 120 per day per year" is a day rate)
    String fromPay = lower.length() == masked.length() ? lower.substring(first.start()) : lower;
    Period period = period(fromPay, lower, sharedMult, currency, b == null ? a : b, assumptions);

    BigDecimal min;
    BigDecimal max;
    String before = masked.substring(0, first.start());
    if (second != null) {
      min = a.min(b);
      max = a.max(b);
    } else if (UP_TO.matcher(before).find()) {
      min = null;
      max = a;
    } else if (FROM.matcher(before).find() || first.plus()) {
      min = a;
      max = null;
    } else {
      min = a;
      max = a;
    }
    if (ParsedSalary.outOfRange(min) || ParsedSalary.outOfRange(max)) {
      throw new OutOfRange();
    }
    return Optional.of(new ParsedSalary(currency, period, min, max,
        assumptions.isEmpty() ? null : String.join("; ", assumptions)));
  }

  /** Hides numbers that are never pay: 401(k), percentages, times of day. */
  private static String mask(String t) {
    Matcher m = NOT_PAY_NUMBERS.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("#".repeat(m.group().length())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Whether the statement spanning {@code start..end} is a budget, bonus, count and the like rather than
   * pay: a pay word just before it keeps it ("Base salary $130k - $150k plus bonus"); otherwise a not-pay
   * word just before it ("sign-on bonus: $10,000", "budgets up to $5M"), or right after it with nothing
   * that separates them ("$2M project budget", but not "$70k + bonus" or "$120k per year, plus bonus").
   */
  private static boolean isNotPay(String text, int start, int end) {
    int windowStart = Math.max(0, start - 30);
    String before = text.substring(windowStart, start);
    Matcher notPayBefore = NOT_PAY_CONTEXT.matcher(before);
    int lastNotPay = -1;
    while (notPayBefore.find()) {
      // "the base compensation range, not including the company bonus, is: $128,000 - $174,000"
      int at = windowStart + notPayBefore.start();
      if (!NEGATED.matcher(text.substring(Math.max(0, at - 40), at)).find()) {
        lastNotPay = notPayBefore.start();
      }
    }
    Matcher payBefore = PAY_WORD.matcher(before);
    int lastPay = -1;
    String lastPayWord = "";
    while (payBefore.find()) {
      lastPay = payBefore.start();
      lastPayWord = payBefore.group();
    }
    if (lastPay >= 0 && lastPay > lastNotPay) {
      // a pay word before keeps the amount ("Base salary $130k - $150k plus bonus"), but a word that only names
      // a period does not outweigh a not-pay word right after it ("an annual $3,000 stipend")
      return PERIOD_ONLY.matcher(lastPayWord).matches() && notPayRightAfter(text, end);
    }
    if (lastNotPay >= 0) {
      return true;
    }
    return notPayRightAfter(text, end);
  }

  /** A not-pay word right after the amount with nothing that separates them ("$2M project budget"). */
  private static boolean notPayRightAfter(String text, int end) {
    String after = text.substring(end, Math.min(text.length(), end + 25));
    Matcher notPayAfter = NOT_PAY_CONTEXT.matcher(after);
    if (!notPayAfter.find()) {
      return false;
    }
    String between = after.substring(0, notPayAfter.start());
    return !SEPARATES.matcher(between).find();
  }

  private static boolean marked(Amount[] statement) {
    for (Amount a : statement) {
      if (a.currency() != null || a.multiplier() != null || a.periodAfter()) {
        return true;
      }
    }
    return false;
  }

  private static boolean joinsRange(String between) {
    String join = PERIOD_SUFFIX.matcher(between).replaceAll(" ");
    return RANGE_JOIN.matcher(JOIN_NOISE.matcher(join).replaceAll(" ")).matches();
  }

  private static boolean looksLikeYearOrCount(String text, int end, String num) {
    String digits = num.replace(",", "");
    if (YEAR.matcher(digits).matches()) {
      return true;
    }
    String after = text.substring(end, Math.min(text.length(), end + 20)).toLowerCase(Locale.ROOT);
    return COUNT_AFTER.matcher(after).matches();
  }

  private static boolean sharedAppliesToFirst(BigDecimal first, Amount second) {
    if (second.multiplier() == null) {
      return false;
    }
    return first.compareTo(second.value()) <= 0 || first.compareTo(BigDecimal.valueOf(1000)) < 0;
  }

  private static BigDecimal number(String num) {
    String n = num;
    if (EUROPEAN_THOUSANDS.matcher(n).matches()) {
      n = n.replace(".", ""); // European thousands: €50.000
    } else {
      n = n.replace(",", "");
    }
    try {
      return new BigDecimal(n);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static BigDecimal scale(BigDecimal v, String mult) {
    if (mult == null) {
      return v;
    }
    return switch (mult) {
      case "k", "thousand" -> v.multiply(THOUSAND);
      case "m", "mn", "mm", "million" -> v.multiply(MILLION);
      case "lakh", "lakhs", "lac", "lacs", "l", "lpa" -> v.multiply(LAKH);
      case "crore", "crores", "cr" -> v.multiply(CRORE);
      // "$6 billion in sales", "a $20B company": no pay is written in billions
      case "billion", "billions", "bn", "b", "trillion", "trillions", "tn", "quadrillion", "quadrillions" ->
          throw new OutOfRange("an amount in billions or more is not pay (company revenue, assets or funding)");
      default -> v;
    };
  }

  private static String currency(String c1, String c2, String lower, String mult, String hint,
      String country, BigDecimal a, BigDecimal b, List<String> assumptions) {
    String code = code(c1);
    if (code == null) {
      code = code(c2);
    }
    if (code == null) {
      Matcher named = CURRENCY_WORD.matcher(lower);
      if (named.find()) {
        code = code(named.group(1));
      }
    }
    boolean indian = mult != null && (mult.startsWith("l") || mult.startsWith("cr"));
    if (code == null && indian) {
      return "INR";
    }
    if (code == null && hint != null && CURRENCY_CODE.matcher(hint).matches()) {
      return hint.toUpperCase(Locale.ROOT);
    }
    if (code == null && country != null && COUNTRY_CURRENCY.containsKey(country)
        && (PERIOD_SUFFIX.matcher(lower).find() || PAY_WORD.matcher(lower).find() || periodWord(lower) != null
            || annualSized(a, b))) {
      // "10,000/month" on an Indian posting, "35,000 - 40,000" on a British one: an amount with no currency, stated
      // as pay or of a year's pay size, is read in the currency of the posting's country ("Band 7" and "a team of
      // 12" are not)
      String local = COUNTRY_CURRENCY.get(country);
      assumptions.add("no currency written; read as " + local + " from the posting's country");
      return local;
    }
    if ("$".equals(code)) {
      if ("US".equals(country)) {
        return "USD";
      }
      if ("CA".equals(country)) {
        assumptions.add("bare $ read as CAD from the posting's country");
        return "CAD";
      }
      if ("AU".equals(country)) {
        assumptions.add("bare $ read as AUD from the posting's country");
        return "AUD";
      }
      if (hint != null && CURRENCY_CODE.matcher(hint).matches()) {
        return hint.toUpperCase(Locale.ROOT);
      }
      assumptions.add("bare $ read as USD; the posting does not say its country");
      return "USD";
    }
    return code;
  }

  private static final BigDecimal YEAR_PAY_LOW = BigDecimal.valueOf(1_000);
  private static final BigDecimal YEAR_PAY_HIGH = BigDecimal.valueOf(1_000_000);

  /** Whether the amounts have the size of a year's pay (1,000 to 1,000,000), as a bare salary field states it. */
  private static boolean annualSized(BigDecimal a, BigDecimal b) {
    return within(a) && (b == null || within(b));
  }

  private static boolean within(BigDecimal v) {
    return v.compareTo(YEAR_PAY_LOW) >= 0 && v.compareTo(YEAR_PAY_HIGH) <= 0;
  }

  /** The currency of a posting's country, for pay written without one. */
  private static final java.util.Map<String, String> COUNTRY_CURRENCY = java.util.Map.ofEntries(
      java.util.Map.entry("US", "USD"), java.util.Map.entry("IN", "INR"), java.util.Map.entry("GB", "GBP"),
      java.util.Map.entry("CA", "CAD"), java.util.Map.entry("AU", "AUD"), java.util.Map.entry("IE", "EUR"),
      java.util.Map.entry("DE", "EUR"), java.util.Map.entry("FR", "EUR"), java.util.Map.entry("NL", "EUR"),
      java.util.Map.entry("ES", "EUR"), java.util.Map.entry("IT", "EUR"), java.util.Map.entry("BE", "EUR"),
      java.util.Map.entry("AT", "EUR"), java.util.Map.entry("PT", "EUR"), java.util.Map.entry("FI", "EUR"));

  private static String code(String symbol) {
    if (symbol == null) {
      return null;
    }
    return switch (symbol.strip().toLowerCase(Locale.ROOT)) {
      case "us$", "usd" -> "USD";
      case "ca$", "c$", "cad" -> "CAD";
      case "a$", "au$", "aud" -> "AUD";
      case "inr", "rs", "rs.", "₹", "rupees" -> "INR";
      case "£", "gbp" -> "GBP";
      case "€", "eur" -> "EUR";
      case "$" -> "$";
      default -> null;
    };
  }

  private static final Pattern HOUR_WORDS = Pattern.compile(
      "(/\\s*h(ou)?r\\b|\\bper hour\\b|\\bhourly\\b|\\ban hour\\b|\\ba hour\\b|\\bp/?h\\b|(?<=\\d)\\s?p\\.?/?h(r)?\\b|\\b/h\\b|\\bhr\\b|\\bstunde\\b)");
  private static final Pattern DAY_WORDS = Pattern.compile("(/\\s*day\\b|\\bper day\\b|\\bdaily\\b|\\ba day\\b|\\bday rate\\b|\\bper diem\\b|\\bp/?d\\b)");
  private static final Pattern WEEK_WORDS = Pattern.compile("(/\\s*w(ee)?k\\b|\\bper week\\b|\\bweekly\\b|\\ba week\\b|\\bp/?w\\b)");
  private static final Pattern MONTH_WORDS = Pattern.compile(
      "(/\\s*mo(nth)?\\b|/\\s*mth\\b|\\bper month\\b|\\bmonthly\\b|\\ba month\\b|\\bp\\.?m\\.?$|\\bpm\\b(?!\\s*(est|ist|pst|cst|et|pt))|\\bper mensem\\b|\\bmonat\\b|\\bmois\\b)");
  private static final Pattern YEAR_WORDS = Pattern.compile(
      "(/\\s*y(ea)?r\\b|\\bper year\\b|\\bper annum\\b|\\bannual\\w*\\b|\\byearly\\b|\\ba year\\b|\\bp\\.?a\\.?\\b|\\blpa\\b|\\bctc\\b|\\bpa\\b|\\bjahr\\b|\\bk/yr\\b|\\bper yr\\b|\\b/annum\\b)");

  /**
   * Each period's words, in the order they win: when two words start at the same place, and, when no word
   * follows the pay, which one anywhere in the text counts.
   */
  static final Map<Period, Pattern> PERIOD_PATTERNS = periodPatterns();
  /**
   * Every character a period word of the lower-cased text can start with: '/', a word's first letter, or
   * the space of "35 ph". Checked first at each place, so that the alternatives (each behind a word
   * boundary, which is costly to test) are tried only where one could match. {@code PeriodWordsTest}
   * checks every period word against it.
   */
  static final String PERIOD_START = "(?=[/phadwmylcjks\\s])";
  /** Every period's words as one alternation, one group per period of {@link #PERIOD_PATTERNS}, in its order. */
  static final String PERIOD_ALTERNATIVES = PERIOD_PATTERNS.values().stream().map(p -> "(" + p.pattern() + ")")
      .collect(java.util.stream.Collectors.joining("|"));
  /** The text scanned once for its first period word (the leftmost match; at one place, the earlier period). */
  private static final Pattern PERIOD_WORDS = Pattern.compile(PERIOD_START + "(?:" + PERIOD_ALTERNATIVES + ")");
  /** The group of {@link #PERIOD_ALTERNATIVES} that stands for each period, in {@link #PERIOD_PATTERNS}' order. */
  private static final int[] PERIOD_GROUPS = periodGroups();

  private static Map<Period, Pattern> periodPatterns() {
    Map<Period, Pattern> patterns = new java.util.LinkedHashMap<>();
    patterns.put(Period.HOUR, HOUR_WORDS);
    patterns.put(Period.YEAR, YEAR_WORDS);
    patterns.put(Period.MONTH, MONTH_WORDS);
    patterns.put(Period.WEEK, WEEK_WORDS);
    patterns.put(Period.DAY, DAY_WORDS);
    return java.util.Collections.unmodifiableMap(patterns);
  }

  private static int[] periodGroups() {
    int[] groups = new int[PERIOD_PATTERNS.size()];
    int next = 1;
    int i = 0;
    for (Pattern p : PERIOD_PATTERNS.values()) {
      groups[i++] = next;
      next += 1 + p.matcher("").groupCount();
    }
    return groups;
  }

  /** The period of a match of {@link #PERIOD_ALTERNATIVES} (with or without {@link #PERIOD_START} before it). */
  static Period periodOf(java.util.regex.MatchResult m) {
    int i = 0;
    for (Period period : PERIOD_PATTERNS.keySet()) {
      if (m.start(PERIOD_GROUPS[i++]) >= 0) {
        return period;
      }
    }
    throw new IllegalStateException("a period word matched no period's group");
  }

  /** The period whose word comes first in {@code text}, or null. */
  static Period periodWord(String text) {
    Matcher m = PERIOD_WORDS.matcher(text);
    return m.find() ? periodOf(m) : null;
  }

  private static Period period(String fromPay, String lower, String mult, String currency, BigDecimal amount,
      List<String> assumptions) {
    Period nearest = periodWord(fromPay);
    if (nearest != null) {
      return nearest;
    }
    for (Map.Entry<Period, Pattern> words : PERIOD_PATTERNS.entrySet()) { // a period word anywhere else
      if (words.getValue().matcher(lower).find()) {
        return words.getKey();
      }
    }
    if (mult != null && (mult.startsWith("l") || mult.startsWith("cr"))) {
      return Period.YEAR; // lakhs and crores are quoted per annum
    }
    if (amount.compareTo(BigDecimal.valueOf(300)) < 0 && !currency.equals("INR")) {
      assumptions.add("period not stated; read as hourly from the amount");
      return Period.HOUR;
    }
    assumptions.add("period not stated; read as yearly");
    return Period.YEAR;
  }
}
