package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * An immutable index of subscription criteria that answers "which subscriptions fit this job" from
 * precomputed sets of subscriptions, one per criterion value, instead of checking every subscription.
 *
 * <p>Each subscription gets an ordinal, and every set is a plain bitset over all ordinals (one bit per
 * subscription, {@code n / 8} bytes), so a match is a few sequential passes over arrays the size of the
 * bitset: no per-subscription work but for the keywords and the match set itself. Ordinals are assigned
 * so that subscriptions without a minimum salary come first, and those with one follow sorted by currency
 * and minimum: "minimum at most this job's pay" is then one contiguous ordinal range. Tier, level, work
 * mode, band and country are one bitset each per value (built with RoaringBitmap, then kept as bitsets:
 * a job reads them whole, and one fused pass over plain words is several times faster than AND-ing
 * compressed bitmaps and turning the result into ints). Keywords, excluded companies and places are
 * many small sets per job ({@link OrdinalSets}). A match is handed over as the bitset it computed
 * ({@link MatchSet}). The results equal {@link SubscriptionMatcher}'s, which a
 * test and the benchmark check.
 */
public final class MatchIndex {
  /** One subscription to index. */
  public record Entry(String id, Criteria criteria) {}

  private final int n;
  private final String[] ids;
  private final long[][] byTier = new long[Tier.values().length][];
  private final long[][] byLevel = new long[Level.values().length][];
  private final long[][] byMode = new long[WorkMode.values().length][];
  /** Subscriptions that name no country. */
  private final long[] anyCountry;
  /** Per country: subscriptions naming it or naming none, precomputed so a match reads one bitset for it. */
  private final Map<String, long[]> countryOrAny = new HashMap<>();
  private final int noMinimumEnd;
  private final Map<String, int[]> currencyRange = new HashMap<>(); // currency -> {from, to}
  private final BigDecimal[] minimums; // by ordinal, for ordinals with a minimum
  /** Subscriptions that name no include keyword, one bit per ordinal. */
  private final long[] noIncludeBits;
  /**
   * Per word, {include set, exclude set} ({@link OrdinalSets#compact}, either null): one lookup per word
   * of a job answers both.
   */
  private final Map<String, Object[]> keywords = new HashMap<>();
  private final OrdinalSets excludedCompanies;
  /** Subscriptions that name no location, one bit per ordinal; null when none names one. */
  private final long[] noLocationBits;
  private final OrdinalSets locations;
  /** Subscriptions that name no salary band. */
  private final long[] anyBand;
  /** Per band: subscriptions naming it or naming none. */
  private final long[][] bandOrAny = new long[Level.values().length][];

  private MatchIndex(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing((Entry e) -> e.criteria().minAnnualSalary() != null)
        .thenComparing(e -> e.criteria().salaryCurrency() == null ? "" : e.criteria().salaryCurrency())
        .thenComparing(e -> e.criteria().minAnnualSalary() == null ? BigDecimal.ZERO : e.criteria().minAnnualSalary()));
    n = sorted.size();
    ids = new String[n];
    minimums = new BigDecimal[n];
    RoaringBitmap[] tiers = bitmaps(byTier.length);
    RoaringBitmap[] levels = bitmaps(byLevel.length);
    RoaringBitmap[] modes = bitmaps(byMode.length);
    RoaringBitmap[] bands = bitmaps(bandOrAny.length);
    RoaringBitmap noCountry = new RoaringBitmap();
    RoaringBitmap noBand = new RoaringBitmap();
    Map<String, RoaringBitmap> byCountry = new HashMap<>();
    int firstWithMinimum = n;
    Map<String, RoaringBitmap> includes = new HashMap<>();
    Map<String, RoaringBitmap> excludes = new HashMap<>();
    Map<String, RoaringBitmap> excludedCompanies = new HashMap<>();
    Map<String, RoaringBitmap> places = new HashMap<>();
    RoaringBitmap noIncludes = new RoaringBitmap();
    RoaringBitmap noLocations = new RoaringBitmap();
    for (int ord = 0; ord < n; ord++) {
      Entry e = sorted.get(ord);
      Criteria c = e.criteria();
      ids[ord] = e.id();
      for (Tier t : Tier.values()) {
        if (t != Tier.NONE && (c.tiers().isEmpty() || c.tiers().contains(t))) {
          tiers[t.ordinal()].add(ord);
        }
      }
      for (Level l : Level.values()) {
        if (c.levels().isEmpty() || c.levels().contains(l)) {
          levels[l.ordinal()].add(ord);
        }
      }
      for (WorkMode m : WorkMode.values()) {
        if (c.workModes().isEmpty() || c.workModes().contains(m)) {
          modes[m.ordinal()].add(ord);
        }
      }
      if (c.countries().isEmpty()) {
        noCountry.add(ord);
      } else {
        for (String country : c.countries()) {
          byCountry.computeIfAbsent(country, k -> new RoaringBitmap()).add(ord);
        }
      }
      if (c.minAnnualSalary() != null) {
        firstWithMinimum = Math.min(firstWithMinimum, ord);
        minimums[ord] = c.minAnnualSalary();
        int[] range = currencyRange.computeIfAbsent(c.salaryCurrency(), k -> new int[] {Integer.MAX_VALUE, 0});
        range[0] = Math.min(range[0], ord);
        range[1] = Math.max(range[1], ord + 1);
      }
      if (c.includeKeywords().isEmpty()) {
        noIncludes.add(ord);
      }
      for (String w : c.includeKeywords()) {
        includes.computeIfAbsent(w, k -> new RoaringBitmap()).add(ord);
      }
      for (String w : c.excludeKeywords()) {
        excludes.computeIfAbsent(w, k -> new RoaringBitmap()).add(ord);
      }
      for (String company : c.excludeCompanies()) {
        excludedCompanies.computeIfAbsent(company, k -> new RoaringBitmap()).add(ord);
      }
      if (c.bands().isEmpty()) {
        noBand.add(ord);
      }
      for (Level band : c.bands()) {
        bands[band.ordinal()].add(ord);
      }
      if (c.locations().isEmpty()) {
        noLocations.add(ord);
      }
      for (String place : c.locations()) {
        places.computeIfAbsent(place, k -> new RoaringBitmap()).add(ord);
      }
    }
    noMinimumEnd = firstWithMinimum;
    for (int i = 0; i < byTier.length; i++) {
      byTier[i] = OrdinalSets.bits(tiers[i], n);
    }
    for (int i = 0; i < byLevel.length; i++) {
      byLevel[i] = OrdinalSets.bits(levels[i], n);
    }
    for (int i = 0; i < byMode.length; i++) {
      byMode[i] = OrdinalSets.bits(modes[i], n);
    }
    anyBand = OrdinalSets.bits(noBand, n);
    for (int i = 0; i < bandOrAny.length; i++) {
      bandOrAny[i] = OrdinalSets.bits(RoaringBitmap.or(noBand, bands[i]), n);
    }
    anyCountry = OrdinalSets.bits(noCountry, n);
    byCountry.forEach((country, b) -> countryOrAny.put(country, OrdinalSets.bits(RoaringBitmap.or(noCountry, b), n)));
    // keywords and companies: many small sets per job, combined on a plain bitset (see OrdinalSets)
    noIncludeBits = OrdinalSets.bits(noIncludes, n);
    includes.forEach((w, b) -> keywords.computeIfAbsent(w, k -> new Object[2])[0] = OrdinalSets.compact(b, n));
    excludes.forEach((w, b) -> keywords.computeIfAbsent(w, k -> new Object[2])[1] = OrdinalSets.compact(b, n));
    this.excludedCompanies = new OrdinalSets(excludedCompanies, n);
    this.noLocationBits = places.isEmpty() ? null : OrdinalSets.bits(noLocations, n);
    this.locations = new OrdinalSets(places, n);
  }

  private static RoaringBitmap[] bitmaps(int count) {
    RoaringBitmap[] out = new RoaringBitmap[count];
    for (int i = 0; i < count; i++) {
      out[i] = new RoaringBitmap();
    }
    return out;
  }

  public static MatchIndex build(List<Entry> entries) {
    return new MatchIndex(entries);
  }

  /**
   * Every subscription that fits {@code job}, by ordinal. Only the words that hold subscriptions the job's
   * pay can satisfy are read and written (no minimum, or a minimum in its currency at most its pay: at most
   * two spans of words, since ordinals are sorted by currency and minimum); the others stay zero.
   */
  public MatchSet match(JobFacts job) {
    if (job.tier() == Tier.NONE || n == 0) {
      return MatchSet.EMPTY;
    }
    // the subscriptions the pay allows: [0, noMinimumEnd) and [payFrom, payTo), as ordinals and as words
    int payFrom = n;
    int payTo = n;
    int[] range = job.currency() == null ? null : currencyRange.get(job.currency());
    if (range != null) {
      int lo = range[0];
      int hi = range[1];
      while (lo < hi) { // first ordinal whose minimum exceeds the pay
        int mid = (lo + hi) >>> 1;
        if (minimums[mid].compareTo(job.topAnnualPay()) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (lo > range[0]) {
        payFrom = range[0];
        payTo = lo;
      }
    }
    int end1 = (noMinimumEnd + 63) >>> 6;
    int from2 = payFrom >>> 6;
    int end2 = (payTo + 63) >>> 6;
    if (payFrom == n) { // no second span
      from2 = end1;
      end2 = end1;
    } else if (from2 <= end1) { // the two touch: one span
      end1 = Math.max(end1, end2);
      from2 = end1;
      end2 = end1;
    }
    int[] spans = from2 < end2 ? new int[] {0, end1, from2, end2} : new int[] {0, end1};

    // wanted: names no include keyword or one of the job's words, and excludes none of them nor the company
    long[] wanted = new long[noIncludeBits.length];
    System.arraycopy(noIncludeBits, 0, wanted, 0, end1);
    System.arraycopy(noIncludeBits, from2, wanted, from2, end2 - from2);
    Object[][] named = new Object[job.words().size()][];
    int namedCount = 0;
    for (String w : job.words()) {
      Object[] sets = keywords.get(w);
      if (sets != null) {
        named[namedCount++] = sets;
        OrdinalSets.orInto(sets[0], wanted, spans);
      }
    }
    for (int i = 0; i < namedCount; i++) { // after every include: an excluded word wins
      OrdinalSets.clearFrom(named[i][1], wanted, spans);
    }
    if (job.company() != null) {
      excludedCompanies.clearFrom(job.company(), wanted);
    }
    long[] placed = null;
    if (noLocationBits != null) { // and names no location, or one of the job's places
      placed = noLocationBits.clone();
      for (String place : job.places()) {
        locations.orInto(place, placed);
      }
    }
    long[] tier = byTier[job.tier().ordinal()];
    long[] level = byLevel[job.level().ordinal()];
    long[] mode = byMode[job.workMode().ordinal()];
    long[] band = job.band() == null ? anyBand : bandOrAny[job.band().ordinal()];
    long[] country = job.country() == null ? anyCountry : countryOrAny.getOrDefault(job.country(), anyCountry);
    // one fused pass over every conjunct, per span, counting the match set as it goes
    int count = 0;
    for (int s = 0; s < spans.length; s += 2) {
      for (int i = spans[s]; i < spans[s + 1]; i++) {
        long word = wanted[i] & tier[i] & level[i] & mode[i] & band[i] & country[i];
        if (placed != null) {
          word &= placed[i];
        }
        wanted[i] = word;
        count += Long.bitCount(word);
      }
    }
    // the spans' edge words hold ordinals the pay does not allow: [noMinimumEnd, payFrom) and [payTo, n)
    int covered1 = Math.min(n, end1 << 6);
    count -= clear(wanted, noMinimumEnd, Math.min(payFrom, covered1));
    count -= clear(wanted, Math.max(noMinimumEnd, from2 << 6), Math.min(payFrom, end2 << 6));
    count -= clear(wanted, payTo, Math.min(n, Math.max(covered1, end2 << 6)));
    return new MatchSet(wanted, count);
  }

  /** Clears bits {@code from} (inclusive) to {@code to} (exclusive); returns how many were set. */
  static int clear(long[] bits, int from, int to) {
    int cleared = 0;
    for (int ord = from; ord < to; ) {
      int word = ord >>> 6;
      int end = Math.min(to, (word + 1) << 6);
      long mask = (end - ord == 64 ? -1L : ((1L << (end - ord)) - 1) << ord);
      cleared += Long.bitCount(bits[word] & mask);
      bits[word] &= ~mask;
      ord = end;
    }
    return cleared;
  }

  public String id(int ordinal) {
    return ids[ordinal];
  }

  public int size() {
    return ids.length;
  }
}
