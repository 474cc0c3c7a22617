package io.telejobs.bench;

import io.telejobs.notifier.subscriptions.JobFacts;
import io.telejobs.notifier.subscriptions.MatchIndex;
import io.telejobs.notifier.subscriptions.MatchSet;
import io.telejobs.notifier.subscriptions.SubscriptionMatcher;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The notifier's subscription index against a naive scan, on the subscription model: builds the index
 * from 100,000 and from 1,000,000 subscriptions, matches 10,000 jobs single-threaded (timing the call that
 * produces each match set, and that call plus one read of every ordinal in it), scans naively in
 * the same run, checks that both give identical match sets for the first 1,000 jobs (and fails loudly
 * if not), and prints one RESULT line per size.
 */
public final class NotifierMatch {
  private NotifierMatch() {}

  public static void main(String[] args) {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int naiveJobs = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    SubscriptionModel model = new SubscriptionModel();
    List<JobFacts> jobList = model.jobs(jobs, 7);
    List<MatchIndex.Entry> million = model.subscriptions(1_000_000, 11);
    System.out.printf(Locale.ROOT, "java %s, %d jobs, model generated%n", System.getProperty("java.version"), jobs);
    String hundredK = run(million.subList(0, 100_000), jobList, Math.min(jobs, 10_000));
    String oneM = run(million, jobList, naiveJobs);
    System.out.println(hundredK);
    System.out.println(oneM);
  }

  static String run(List<MatchIndex.Entry> subs, List<JobFacts> jobs, int naiveJobs) {
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    MatchIndex index = MatchIndex.build(subs);
    double buildS = (System.nanoTime() - t0) / 1e9;
    long heapMb = Math.max(0, usedHeap() - heapBefore) / (1024 * 1024);

    // warm-up: one untimed pass over every job, so that the timed pass measures compiled code (with 500
    // jobs of warm-up, the JIT still compiled during the timed pass and the p99 swung by 50 %)
    long warm = 0;
    long warmSum = 0;
    for (JobFacts job : jobs) {
      MatchSet set = index.match(job);
      warm += set.size();
      warmSum += sum(set);
    }
    long[] indexNs = new long[jobs.size()];
    long[] readNs = new long[jobs.size()];
    long matches = 0;
    long ordinalSum = 0;
    for (int i = 0; i < jobs.size(); i++) {
      long s = System.nanoTime();
      MatchSet set = index.match(jobs.get(i)); // the match set, produced
      long matched = System.nanoTime();
      long read = sum(set); // and read once, every ordinal, as the notifier reads it
      indexNs[i] = matched - s;
      readNs[i] = System.nanoTime() - s;
      matches += set.size();
      ordinalSum += read;
    }
    if (matches != warm || ordinalSum != warmSum) {
      throw new IllegalStateException("the timed pass found " + matches + " matches, the warm-up " + warm);
    }

    long[] naiveNs = new long[naiveJobs];
    int checked = 0;
    for (int i = 0; i < naiveJobs; i++) {
      JobFacts job = jobs.get(i);
      long s = System.nanoTime();
      int[] naive = new int[16];
      int count = 0;
      for (int ord = 0; ord < subs.size(); ord++) {
        if (SubscriptionMatcher.matches(subs.get(ord).criteria(), job)) {
          if (count == naive.length) {
            naive = Arrays.copyOf(naive, count * 2);
          }
          naive[count++] = ord;
        }
      }
      naiveNs[i] = System.nanoTime() - s;
      if (i < 1_000) {
        String[] a = new String[count];
        for (int k = 0; k < count; k++) {
          a[k] = subs.get(naive[k]).id();
        }
        int[] hits = index.match(job).toArray();
        String[] b = new String[hits.length];
        for (int k = 0; k < hits.length; k++) {
          b[k] = index.id(hits[k]);
        }
        Arrays.sort(a);
        Arrays.sort(b);
        if (!Arrays.equals(a, b)) {
          throw new IllegalStateException("MISMATCH at job " + i + ": index " + b.length + " matches, naive " + a.length);
        }
        checked++;
      }
    }
    double p50 = percentile(indexNs, 50) / 1e3;
    double p99 = percentile(indexNs, 99) / 1e3;
    double readP50 = percentile(readNs, 50) / 1e3;
    double readP99 = percentile(readNs, 99) / 1e3;
    double naiveP50 = percentile(naiveNs, 50) / 1e3;
    System.out.printf(Locale.ROOT,
        "subs=%d: identical match sets for %d jobs; index p50 %.0f us, p99 %.0f us (read once: %.0f, %.0f); naive p50 %.0f us%n",
        subs.size(), checked, p50, p99, readP50, readP99, naiveP50);
    return String.format(Locale.ROOT,
        "RESULT notifier-match subs=%d p50_us=%.0f p99_us=%.0f read_p50_us=%.0f read_p99_us=%.0f naive_p50_us=%.0f speedup=%.1f"
            + " heap_mb=%d build_s=%.2f matches_per_job=%d",
        subs.size(), p50, p99, readP50, readP99, naiveP50, naiveP50 / readP50, heapMb, buildS, matches / jobs.size());
  }

  private static long sum(MatchSet set) {
    long[] sum = {0};
    set.forEachBatch((ordinals, count) -> {
      long s = 0;
      for (int i = 0; i < count; i++) {
        s += ordinals[i];
      }
      sum[0] += s;
    });
    return sum[0];
  }

  private static double percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
