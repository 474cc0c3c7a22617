package io.telejobs.contracts;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a posting lives in {@code jobs.postings.v1}: the partition of its hiring company. The matcher
 * groups the same job from several sources by an identity that starts with the company's key
 * ({@link #companyKey}), so every posting that can share an identity shares a partition, and the matcher
 * dedups within one task, without a repartition topic.
 *
 * <p>Every writer of the postings topic chooses the partition with {@link #of}. When a posting's company
 * changes, so does its partition: ingest then writes a tombstone to the old partition carrying
 * {@link #MOVED_TO} and the new record carrying {@link #MOVED_FROM}, so that no stale copy stays in the old
 * partition (the topic is compacted per partition) and the matcher knows the job moved rather than closed.
 */
public final class PostingPartitions {
  /** Header of the tombstone left in a posting's old partition: the partition it moved to. */
  public static final String MOVED_TO = "telejobs-moved-to";
  /** Header of a posting written to a new partition: the partition it left. */
  public static final String MOVED_FROM = "telejobs-moved-from";

  private static final Set<String> COMPANY_NOISE = Set.of("inc", "llc", "ltd", "limited", "pvt", "private", "corp",
      "corporation", "co", "plc", "gmbh", "the", "llp", "lp", "sa", "ag");

  private PostingPartitions() {}

  /**
   * A company's name as compared across sources: compatibility form, accents dropped, lower case, words of
   * letters and digits joined by single spaces, legal-form words ({@code Inc}, {@code LLC}, {@code GmbH}...)
   * left out. "Teladoc Health, Inc." and "TELADOC HEALTH" give {@code teladoc health}; null or no words give "".
   */
  public static String companyKey(String company) {
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

  /** The partition, of {@code partitions}, for postings of {@code company}: Kafka's own key hash of its key. */
  public static int of(String company, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
    }
    return Utils.toPositive(Utils.murmur2(companyKey(company).getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
