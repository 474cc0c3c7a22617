package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a {@link SubscriptionRequest} field by field. Every problem names its field, so that a client
 * gets a 400 that says exactly what to fix.
 */
public final class SubscriptionValidator {
  /** One problem with one field. */
  public record FieldError(String field, String message) {}

  /** A valid request's parts, or the problems. */
  public record Result(String email, String webhookUrl, Criteria criteria, Frequency frequency, String webhookFormat,
      String timeZone, Integer digestHour, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  // RFC 5322 is broader; this is the practical subset mail providers accept.
  private static final Pattern EMAIL = Pattern.compile(
      "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Za-z]{3}$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final int MAX_LIST = 20;
  private static final int MAX_WORD = 60;

  private final WebhookPolicy webhooks;

  public SubscriptionValidator(WebhookPolicy webhooks) {
    this.webhooks = webhooks;
  }

  public Result validate(SubscriptionRequest r) {
    List<FieldError> errors = new ArrayList<>();
    if (r == null) {
      errors.add(new FieldError("body", "a JSON object is required"));
      return new Result(null, null, null, null, null, null, null, errors);
    }
    String email = blankToNull(r.email());
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      errors.add(new FieldError("email", "not a valid email address"));
    }
    String webhook = blankToNull(r.webhookUrl());
    if (webhook != null) {
      String problem = webhooks.problemWith(webhook);
      if (problem != null) {
        errors.add(new FieldError("webhookUrl", problem));
      }
    }
    if (email == null && webhook == null) {
      errors.add(new FieldError("email", "an email or a webhookUrl is required"));
    }
    Set<Tier> tiers = enums(r.tiers(), "criteria.tiers", s -> Tier.valueOf(s), errors);
    if (tiers.contains(Tier.NONE)) {
      errors.add(new FieldError("criteria.tiers", "'none' cannot be subscribed to"));
      tiers.remove(Tier.NONE);
    }
    Set<Level> levels = enums(r.levels(), "criteria.levels", Level::valueOf, errors);
    Set<WorkMode> modes = enums(r.workModes(), "criteria.workModes", WorkMode::valueOf, errors);
    Set<String> countries = words(r.countries(), "criteria.countries", errors, s -> {
      String code = Countries.code(s);
      if (code == null) {
        throw new IllegalArgumentException("'" + s + "' is not a country we know: write a name such as India or a "
            + "code such as IN");
      }
      return code;
    });
    BigDecimal min = r.minAnnualSalary();
    String currency = blankToNull(r.salaryCurrency());
    if (min != null && min.signum() < 0) {
      errors.add(new FieldError("criteria.minAnnualSalary", "must not be negative"));
    }
    if (min != null && currency == null) {
      errors.add(new FieldError("criteria.salaryCurrency", "is required with minAnnualSalary"));
    }
    if (currency != null && !CURRENCY.matcher(currency).matches()) {
      errors.add(new FieldError("criteria.salaryCurrency", "must be a three-letter ISO currency code"));
    } else if (min != null && min.signum() > 0 && currency != null) {
      String pay = payProblem(min, currency.toUpperCase(Locale.ROOT));
      if (pay != null) {
        errors.add(new FieldError("criteria.minAnnualSalary", pay));
      }
    }
    Function<String, String> word = s -> s.toLowerCase(Locale.ROOT);
    Set<String> include = words(r.includeKeywords(), "criteria.includeKeywords", errors, word);
    Set<String> exclude = words(r.excludeKeywords(), "criteria.excludeKeywords", errors, word);
    Set<String> companies = words(r.excludeCompanies(), "criteria.excludeCompanies", errors, word);
    Set<Level> bands = enums(r.bands(), "criteria.bands", Level::valueOf, errors);
    if (bands.contains(Level.UNKNOWN)) {
      errors.add(new FieldError("criteria.bands", "must be entry, mid, senior or lead"));
    }
    Set<String> places = words(r.locations(), "criteria.locations", errors, SubscriptionValidator::place);
    Frequency frequency = Frequency.INSTANT;
    if (blankToNull(r.frequency()) != null) {
      try {
        frequency = Frequency.valueOf(r.frequency().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("frequency", "must be instant, daily or weekly"));
      }
    }
    String format = blankToNull(r.webhookFormat());
    if (format != null) {
      format = format.toLowerCase(Locale.ROOT);
      if (!format.equals("json") && !format.equals("slack")) {
        errors.add(new FieldError("webhookFormat", "must be json or slack"));
      }
    }
    String zone = blankToNull(r.timeZone());
    if (zone != null) {
      try {
        zone = java.time.ZoneId.of(zone).getId();
      } catch (java.time.DateTimeException e) {
        errors.add(new FieldError("timeZone", "not a known time zone (use an IANA name such as Asia/Kolkata)"));
      }
    }
    if (r.digestHour() != null && (r.digestHour() < 0 || r.digestHour() > 23)) {
      errors.add(new FieldError("digestHour", "must be 0 to 23"));
    }
    if (!errors.isEmpty()) {
      return new Result(null, null, null, null, null, null, null, List.copyOf(errors));
    }
    Criteria criteria = new Criteria(tiers, levels, countries, modes, min,
        currency == null ? null : currency.toUpperCase(Locale.ROOT), include, exclude, companies, bands, places);
    return new Result(email, webhook, criteria, frequency, webhook == null ? null : format, zone, r.digestHour(),
        List.of());
  }

  /** The highest yearly pay a minimum may name: above it, no real job pays. */
  static final BigDecimal MAX_MINIMUM = BigDecimal.valueOf(10_000_000);
  /** In rupees: ₹10 crore a year. */
  static final BigDecimal MAX_MINIMUM_INR = BigDecimal.valueOf(100_000_000);

  /** Why a minimum yearly pay cannot be meant, in the subscriber's words, or null. */
  static String payProblem(BigDecimal min, String currency) {
    if (currency.equals("INR")) {
      if (min.compareTo(BigDecimal.valueOf(100_000)) < 0) {
        return "₹" + min.stripTrailingZeros().toPlainString() + " a year is less than one lakh: write the yearly pay in "
            + "rupees (10 lakh a year is 1000000), or use the form, which asks in lakhs (LPA)";
      }
      if (min.compareTo(MAX_MINIMUM_INR) > 0) {
        return "That is above any real pay (more than ₹10 crore a year).";
      }
      return null;
    }
    if (min.compareTo(BigDecimal.valueOf(1_000)) < 0) {
      return min.stripTrailingZeros().toPlainString() + " " + currency + " a year is too little to be a yearly salary: "
          + "write the yearly amount, such as 90000";
    }
    if (min.compareTo(MAX_MINIMUM) > 0) {
      return "That is above any real pay (more than 10 million " + currency + " a year).";
    }
    return null;
  }

  /** A place as the job's places are written: lower case, single spaces, parts joined by ", ". */
  private static String place(String s) {
    List<String> parts = new java.util.ArrayList<>();
    for (String part : s.toLowerCase(Locale.ROOT).split(",")) {
      String p = SPACES.matcher(part.strip()).replaceAll(" ");
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("must name a place");
    }
    return String.join(", ", parts);
  }

  private static <E extends Enum<E>> Set<E> enums(List<String> values, String field, Function<String, E> parse,
      List<FieldError> errors) {
    return words(values, field, errors, s -> {
      try {
        return parse.apply(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown value '" + s + "'");
      }
    });
  }

  private static <T> Set<T> words(List<String> values, String field, List<FieldError> errors, Function<String, T> parse) {
    Set<T> out = new LinkedHashSet<>();
    if (values == null) {
      return out;
    }
    if (values.size() > MAX_LIST) {
      errors.add(new FieldError(field, "at most " + MAX_LIST + " values"));
      return out;
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i) == null ? "" : values.get(i).strip();
      if (v.isEmpty() || v.length() > MAX_WORD) {
        errors.add(new FieldError(field + "[" + i + "]", "must be 1 to " + MAX_WORD + " characters"));
        continue;
      }
      try {
        out.add(parse.apply(v));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field + "[" + i + "]", e.getMessage()));
      }
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
