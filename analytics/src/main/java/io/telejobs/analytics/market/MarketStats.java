package io.telejobs.analytics.market;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The market statistics of a set of jobs for one {@link MarketQuery}, computed exactly: every figure is a
 * count or an order statistic over the jobs that pass the filters. Plain Java.
 *
 * <ul>
 *   <li><b>new</b>: jobs first seen in each period, by tier (the market's trend);
 *   <li><b>live</b>: jobs open on the last day of each period, by tier;
 *   <li><b>pay</b>: yearly pay midpoints per level and currency, of the jobs first seen in the range: count,
 *       min, p10, p25, p50, p75, p90, max (nearest rank);
 *   <li><b>work modes</b>, <b>top employers</b>, <b>skills</b> and <b>certifications</b> of the jobs live at any
 *       time in the range.
 * </ul>
 */
public final class MarketStats {
  /** One period's counts. */
  public record Period(LocalDate start, Map<String, Integer> newByTier, Map<String, Integer> liveByTier) {
    public int newTotal() {
      return newByTier.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int liveTotal() {
      return liveByTier.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The pay distribution of one level in one currency (yearly). */
  public record Pay(String level, String currency, int count, double min, double p10, double p25, double p50,
      double p75, double p90, double max) {}

  /** A name and how many jobs have it. */
  public record Count(String name, int count) {}

  /** Everything the dashboard shows, for one question. */
  public record Result(MarketQuery query, List<Period> periods, List<Pay> pay, Map<String, Integer> workModes,
      List<Count> employers, List<Count> skills, List<Count> certifications, int jobs, int sampleJobs) {}

  public static final List<String> TIERS = List.of("core", "adjacent", "pathway");
  public static final List<String> LEVELS = List.of("entry", "mid", "senior", "lead", "unknown");
  /** Entries in each top list. */
  public static final int TOP = 10;

  private MarketStats() {}

  public static Result compute(Iterable<JobFact> all, MarketQuery q) {
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate p = q.interval().start(q.from()); !p.isAfter(q.to()); p = q.interval().next(p)) {
      starts.add(p);
    }
    List<Map<String, Integer>> fresh = new ArrayList<>();
    List<Map<String, Integer>> live = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      fresh.add(tierMap());
      live.add(tierMap());
    }
    Map<String, List<Double>> pays = new TreeMap<>();
    Map<String, Integer> modes = new LinkedHashMap<>();
    for (String m : List.of("remote", "hybrid", "onsite", "unknown")) {
      modes.put(m, 0);
    }
    Map<String, Integer> employers = new HashMap<>();
    Map<String, Integer> skills = new HashMap<>();
    Map<String, Integer> certs = new HashMap<>();
    int jobs = 0;
    int sample = 0;
    for (JobFact j : all) {
      if (!q.admits(j) || j.tier() == null || !TIERS.contains(j.tier())) {
        continue;
      }
      boolean liveInRange = !j.firstSeen().isAfter(q.to()) && (j.closedOn() == null || j.closedOn().isAfter(q.from()));
      if (!liveInRange) {
        continue;
      }
      jobs++;
      if (j.sample()) {
        sample++;
      }
      boolean seenInRange = !j.firstSeen().isBefore(q.from()) && !j.firstSeen().isAfter(q.to());
      for (int i = 0; i < starts.size(); i++) {
        LocalDate start = starts.get(i);
        LocalDate end = min(q.interval().next(start).minusDays(1), q.to());
        if (seenInRange && !j.firstSeen().isBefore(max(start, q.from())) && !j.firstSeen().isAfter(end)) {
          fresh.get(i).merge(j.tier(), 1, Integer::sum);
        }
        if (j.liveOn(end)) {
          live.get(i).merge(j.tier(), 1, Integer::sum);
        }
      }
      Double mid = j.payMidpoint();
      if (seenInRange && mid != null && j.currency() != null) {
        pays.computeIfAbsent(j.level() + "|" + j.currency(), k -> new ArrayList<>()).add(mid);
      }
      modes.merge(j.workMode() == null ? "unknown" : j.workMode(), 1, Integer::sum);
      if (j.company() != null && !j.company().isBlank()) {
        employers.merge(j.company(), 1, Integer::sum);
      }
      j.skills().forEach(s -> skills.merge(s, 1, Integer::sum));
      j.certifications().forEach(c -> certs.merge(c, 1, Integer::sum));
    }
    List<Period> periods = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      periods.add(new Period(starts.get(i), fresh.get(i), live.get(i)));
    }
    List<Pay> pay = new ArrayList<>();
    pays.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<Double>> e) -> LEVELS.indexOf(e.getKey().split("\\|")[0]))
            .thenComparing(e -> e.getKey().split("\\|")[1]))
        .forEach(e -> pay.add(distribution(e.getKey().split("\\|")[0], e.getKey().split("\\|")[1], e.getValue())));
    return new Result(q, periods, pay, modes, top(employers), top(skills), top(certs), jobs, sample);
  }

  /** Order statistics by nearest rank: p-th percentile is the value at rank ceil(p/100 * n). */
  static Pay distribution(String level, String currency, List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    v.sort(null);
    return new Pay(level, currency, v.size(), v.get(0), rank(v, 10), rank(v, 25), rank(v, 50), rank(v, 75),
        rank(v, 90), v.get(v.size() - 1));
  }

  private static double rank(List<Double> sorted, int p) {
    int r = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, r - 1));
  }

  private static List<Count> top(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP).map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  private static Map<String, Integer> tierMap() {
    Map<String, Integer> m = new LinkedHashMap<>();
    TIERS.forEach(t -> m.put(t, 0));
    return m;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
