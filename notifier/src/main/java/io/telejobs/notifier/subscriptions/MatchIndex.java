package io.telejobs.notifier.subscriptions;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.BitSetUtil;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * An immutable index of subscription criteria that answers "which subscriptions fit this job" with
 * compressed bitmaps (RoaringBitmap), one per criterion value, instead of checking every subscription.
 *
 * <p>Each subscription gets an ordinal. Ordinals are assigned so that subscriptions without a minimum
 * salary come first, and those with one follow sorted by currency and minimum: "minimum at most this
 * job's pay" is then one contiguous ordinal range. Tier, level, work mode and country are bitmap
 * lookups. Keywords and excluded companies are many small sets per job, so they are combined on a plain
 * bitset of all ordinals ({@link OrdinalSets}). The match set is the AND of all of them, itself a bitmap.
 * The results equal {@link SubscriptionMatcher}'s, which a test
 * and the benchmark check.
 */
public final class MatchIndex {
  /** One subscription to index. */
  public record Entry(String id, Criteria criteria) {}

  private final String[] ids;
  private final RoaringBitmap[] byTier = new RoaringBitmap[Tier.values().length];
  private final RoaringBitmap[] byLevel = new RoaringBitmap[Level.values().length];
  private final RoaringBitmap[] byMode = new RoaringBitmap[WorkMode.values().length];
  private final Map<String, RoaringBitmap> byCountry = new HashMap<>();
  private final RoaringBitmap anyCountry = new RoaringBitmap();
  /** Per country: subscriptions naming it or naming none, precomputed so a match does one AND for it. */
  private final Map<String, RoaringBitmap> countryOrAny = new HashMap<>();
  private final int noMinimumEnd;
  private final Map<String, int[]> currencyRange = new HashMap<>(); // currency -> {from, to}
  private final BigDecimal[] minimums; // by ordinal, for ordinals with a minimum
  /** Subscriptions that name no include keyword, one bit per ordinal. */
  private final long[] noIncludeBits;
  private final OrdinalSets includes;
  private final OrdinalSets excludes;
  private final OrdinalSets excludedCompanies;
  /** Subscriptions that name no location, one bit per ordinal; null when none names one. */
  private final long[] noLocationBits;
  private final OrdinalSets locations;
  /** Subscriptions that name no salary band. */
  private final RoaringBitmap anyBand = new RoaringBitmap();
  /** Per band: subscriptions naming it or naming none. */
  private final RoaringBitmap[] bandOrAny = new RoaringBitmap[Level.values().length];

  private MatchIndex(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing((Entry e) -> e.criteria().minAnnualSalary() != null)
        .thenComparing(e -> e.criteria().salaryCurrency() == null ? "" : e.criteria().salaryCurrency())
        .thenComparing(e -> e.criteria().minAnnualSalary() == null ? BigDecimal.ZERO : e.criteria().minAnnualSalary()));
    int n = sorted.size();
    ids = new String[n];
    minimums = new BigDecimal[n];
    for (int i = 0; i < byTier.length; i++) {
      byTier[i] = new RoaringBitmap();
    }
    for (int i = 0; i < byLevel.length; i++) {
      byLevel[i] = new RoaringBitmap();
    }
    for (int i = 0; i < byMode.length; i++) {
      byMode[i] = new RoaringBitmap();
    }
    int firstWithMinimum = n;
    Map<String, RoaringBitmap> includes = new HashMap<>();
    Map<String, RoaringBitmap> excludes = new HashMap<>();
    Map<String, RoaringBitmap> excludedCompanies = new HashMap<>();
    Map<String, RoaringBitmap> places = new HashMap<>();
    RoaringBitmap noIncludes = new RoaringBitmap();
    RoaringBitmap noLocations = new RoaringBitmap();
    for (int i = 0; i < bandOrAny.length; i++) {
      bandOrAny[i] = new RoaringBitmap();
    }
    for (int ord = 0; ord < n; ord++) {
      Entry e = sorted.get(ord);
      Criteria c = e.criteria();
      ids[ord] = e.id();
      for (Tier t : Tier.values()) {
        if (t != Tier.NONE && (c.tiers().isEmpty() || c.tiers().contains(t))) {
          byTier[t.ordinal()].add(ord);
        }
      }
      for (Level l : Level.values()) {
        if (c.levels().isEmpty() || c.levels().contains(l)) {
          byLevel[l.ordinal()].add(ord);
        }
      }
      for (WorkMode m : WorkMode.values()) {
        if (c.workModes().isEmpty() || c.workModes().contains(m)) {
          byMode[m.ordinal()].add(ord);
        }
      }
      if (c.countries().isEmpty()) {
        anyCountry.add(ord);
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
        anyBand.add(ord);
      }
      for (Level band : c.bands()) {
        bandOrAny[band.ordinal()].add(ord);
      }
      if (c.locations().isEmpty()) {
        noLocations.add(ord);
      }
      for (String place : c.locations()) {
        places.computeIfAbsent(place, k -> new RoaringBitmap()).add(ord);
      }
    }
    for (RoaringBitmap b : bandOrAny) {
      b.or(anyBand);
    }
    noMinimumEnd = firstWithMinimum;
    byCountry.forEach((country, b) -> countryOrAny.put(country, RoaringBitmap.or(anyCountry, b)));
    // keywords and companies: many small sets per job, combined on a plain bitset (see OrdinalSets)
    noIncludeBits = OrdinalSets.bits(noIncludes, n);
    this.includes = new OrdinalSets(includes, n);
    this.excludes = new OrdinalSets(excludes, n);
    this.excludedCompanies = new OrdinalSets(excludedCompanies, n);
    this.noLocationBits = places.isEmpty() ? null : OrdinalSets.bits(noLocations, n);
    this.locations = new OrdinalSets(places, n);
    for (RoaringBitmap b : allBitmaps()) {
      b.runOptimize();
    }
  }

  public static MatchIndex build(List<Entry> entries) {
    return new MatchIndex(entries);
  }

  private List<RoaringBitmap> allBitmaps() {
    List<RoaringBitmap> out = new ArrayList<>(Arrays.asList(byTier));
    out.addAll(Arrays.asList(byLevel));
    out.addAll(Arrays.asList(byMode));
    out.addAll(byCountry.values());
    out.addAll(countryOrAny.values());
    out.add(anyCountry);
    out.add(anyBand);
    out.addAll(Arrays.asList(bandOrAny));
    return out;
  }

  /** The ordinals of every subscription that fits {@code job}. */
  public RoaringBitmap match(JobFacts job) {
    if (job.tier() == Tier.NONE || ids.length == 0) {
      return new RoaringBitmap();
    }
    // wanted: names no include keyword or one of the job's words, and excludes none of them nor the company
    long[] wanted = noIncludeBits.clone();
    for (String w : job.words()) {
      includes.orInto(w, wanted);
    }
    for (String w : job.words()) {
      excludes.clearFrom(w, wanted);
    }
    if (job.company() != null) {
      excludedCompanies.clearFrom(job.company(), wanted);
    }
    if (noLocationBits != null) { // and names no location, or one of the job's places
      long[] placed = noLocationBits.clone();
      for (String place : job.places()) {
        locations.orInto(place, placed);
      }
      for (int i = 0; i < wanted.length; i++) {
        wanted[i] &= placed[i];
      }
    }
    RoaringBitmap bands = job.band() == null ? anyBand : bandOrAny[job.band().ordinal()];
    RoaringBitmap countries = job.country() == null ? anyCountry
        : countryOrAny.getOrDefault(job.country(), anyCountry);
    // one pass over all conjuncts, container by container, stopping early where a container empties
    return FastAggregation.and(salaryRange(job), countries, byTier[job.tier().ordinal()],
        byLevel[job.level().ordinal()], byMode[job.workMode().ordinal()], bands, BitSetUtil.bitmapOf(wanted));
  }

  /** Subscriptions without a minimum, plus those whose minimum in the job's currency is at most its pay. */
  private RoaringBitmap salaryRange(JobFacts job) {
    RoaringBitmap ok = RoaringBitmap.bitmapOfRange(0, noMinimumEnd);
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
      ok.add((long) range[0], (long) lo);
    }
    return ok;
  }

  public String id(int ordinal) {
    return ids[ordinal];
  }

  public int size() {
    return ids.length;
  }

  /** Bytes held by the bitmaps and bitsets (the ids and minimums come on top). */
  public long bitmapBytes() {
    long bytes = (long) noIncludeBits.length * Long.BYTES + includes.bytes()
        + excludes.bytes() + excludedCompanies.bytes() + locations.bytes()
        + (noLocationBits == null ? 0 : (long) noLocationBits.length * Long.BYTES);
    for (RoaringBitmap b : allBitmaps()) {
      bytes += b.getLongSizeInBytes();
    }
    return bytes;
  }
}
