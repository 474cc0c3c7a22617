package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Reason;
import io.telejobs.contracts.WorkMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a job fits, in words from the matcher's reasons and the subscriber's criteria: "Telehealth + Program
 * Manager in the title", "senior: 'senior' in the title", "pay $125–150k a year is in the senior band", "in
 * US, as you asked". Plain Java; the reasons' internal rule names never reach the reader.
 */
public final class WhyItFits {
  private static final Pattern QUOTED = Pattern.compile("'([^']{1,80})'");
  private static final Pattern YEARS = Pattern.compile("level\\.description\\.years>=(\\d+)");

  private WhyItFits() {}

  /** The reasons, most telling first; never empty. */
  public static List<String> of(MatchedJob job, Criteria criteria) {
    List<String> out = new ArrayList<>();
    for (Reason r : job.reasons()) {
      String line = line(r, job);
      if (line != null && !out.contains(line)) {
        out.add(line);
      }
    }
    if (criteria != null) {
      out.addAll(criteriaMet(job, criteria));
    }
    if (out.isEmpty()) {
      out.add("it fits your alert");
    }
    return out;
  }

  private static String line(Reason r, MatchedJob job) {
    String tag = r.tag();
    String rule = r.rule();
    if (tag.startsWith("tier=") && !tag.equals("tier=none")) {
      if (rule.startsWith("title.rule.")) {
        List<String> phrases = quoted(rule);
        return phrases.isEmpty() ? null : String.join(" + ", phrases) + " in the title";
      }
      if (rule.startsWith("description.")) {
        List<String> phrases = quoted(rule);
        return (phrases.isEmpty() ? "the title" : "'" + phrases.get(0) + "' in the title")
            + ", and the description keeps mentioning " + r.evidence();
      }
      return null;
    }
    if (tag.startsWith("level=") && !tag.equals("level=unknown")) {
      String level = tag.substring(6);
      if (rule.startsWith("level.title.numeral:")) {
        return level + ": grade " + rule.substring(20).toUpperCase(Locale.ROOT) + " in the title";
      }
      if (rule.startsWith("level.title:")) {
        return level + ": '" + rule.substring(12) + "' in the title";
      }
      Matcher years = YEARS.matcher(rule);
      if (years.find()) {
        return level + ": asks for " + r.evidence() + " of experience";
      }
      return null;
    }
    if (tag.startsWith("salary=") && job.salary() != null) {
      String pay = PayText.of(job.salary());
      String where = rule.startsWith("salary.description") ? " (from the description)" : "";
      return job.salary().band() == null ? "pay " + pay + where
          : "pay " + pay + " is in the " + job.salary().band().name().toLowerCase(Locale.ROOT) + " band" + where;
    }
    return null;
  }

  private static List<String> criteriaMet(MatchedJob job, Criteria c) {
    List<String> out = new ArrayList<>();
    if (!c.countries().isEmpty() && job.country() != null && c.countries().contains(job.country())) {
      out.add("in " + job.country() + ", as you asked");
    }
    if (!c.workModes().isEmpty() && job.workMode() != WorkMode.UNKNOWN && c.workModes().contains(job.workMode())) {
      out.add(job.workMode().name().toLowerCase(Locale.ROOT) + ", as you asked");
    }
    if (c.minAnnualSalary() != null && job.salary() != null) {
      out.add("pays at least your minimum");
    }
    if (!c.includeKeywords().isEmpty()) {
      out.add("mentions one of your words: " + String.join(", ", c.includeKeywords()));
    }
    return out;
  }

  private static List<String> quoted(String rule) {
    List<String> out = new ArrayList<>();
    Matcher m = QUOTED.matcher(rule);
    while (m.find()) {
      out.add(titleCase(m.group(1)));
    }
    return out;
  }

  private static String titleCase(String phrase) {
    StringBuilder b = new StringBuilder(phrase.length());
    boolean start = true;
    for (char ch : phrase.toCharArray()) {
      b.append(start ? Character.toUpperCase(ch) : ch);
      start = ch == ' ';
    }
    return b.toString();
  }
}
