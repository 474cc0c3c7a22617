package io.telejobs.matcher.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.Tier;
import io.telejobs.matcher.Profiles;
import io.telejobs.matcher.tag.TagInput;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.tag.Tagging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Accuracy of tier and level tagging on hand-labelled titles: {@code eval/titles.tsv} (the set the
 * profile was tuned on) and {@code eval/titles-holdout.tsv} (written afterwards, never tuned on). Prints
 * precision and recall per tier, level accuracy and every miss; fails below the targets: core and
 * adjacent precision at least 0.95 and recall at least 0.90, level accuracy at least 0.85.
 */
class TitleAccuracyTest {
  record Row(String title, Tier tier, Level level, String description) {}

  /** Figures for one labelled file. */
  record Result(String file, int rows, Map<Tier, int[]> counts, int levelRows, int levelRight) {
    double precision(Tier t) {
      int[] c = counts.get(t);
      return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    double recall(Tier t) {
      int[] c = counts.get(t);
      return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    double levelAccuracy() {
      return (double) levelRight / levelRows;
    }
  }

  private static final Tagger TAGGER = new Tagger(Profiles.TELEHEALTH);

  static List<Row> rows(String file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TitleAccuracyTest.class.getResourceAsStream("/eval/" + file), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        rows.add(new Row(f[0], Tier.valueOf(f[1].toUpperCase(Locale.ROOT)),
            f[2].equals("-") ? Level.UNKNOWN : Level.valueOf(f[2].toUpperCase(Locale.ROOT)),
            f.length > 3 ? f[3] : ""));
      }
    }
    return rows;
  }

  static Result evaluate(String file) throws IOException {
    List<Row> rows = rows(file);
    Map<Tier, int[]> counts = new EnumMap<>(Tier.class); // tp, fp, fn
    for (Tier t : Tier.values()) {
      counts.put(t, new int[3]);
    }
    int levelRows = 0;
    int levelRight = 0;
    List<String> misses = new ArrayList<>();
    for (Row r : rows) {
      Tagging t = TAGGER.tag(new TagInput(r.title(), r.description(), null, null, null, null, null, null));
      if (t.tier() == r.tier()) {
        counts.get(r.tier())[0]++;
      } else {
        counts.get(t.tier())[1]++;
        counts.get(r.tier())[2]++;
        misses.add(String.format(Locale.ROOT, "  tier  %-60s expected %-8s got %-8s %s", r.title(), r.tier(),
            t.tier(), t.reasons().get(0).rule()));
      }
      if (r.tier() != Tier.NONE) {
        levelRows++;
        if (t.level() == r.level()) {
          levelRight++;
        } else {
          misses.add(String.format(Locale.ROOT, "  level %-60s expected %-8s got %s", r.title(), r.level(), t.level()));
        }
      }
    }
    Result result = new Result(file, rows.size(), counts, levelRows, levelRight);
    System.out.println("Title evaluation " + file + ": " + rows.size() + " labelled titles");
    for (Tier t : Tier.values()) {
      System.out.printf(Locale.ROOT, "  %-8s precision %.3f  recall %.3f  (tp %d, fp %d, fn %d)%n", t,
          result.precision(t), result.recall(t), counts.get(t)[0], counts.get(t)[1], counts.get(t)[2]);
    }
    System.out.printf(Locale.ROOT, "  level accuracy %.3f (%d of %d)%n", result.levelAccuracy(), levelRight, levelRows);
    misses.forEach(System.out::println);
    return result;
  }

  @Test
  void theTuningSetIsLargeAndCoversEveryTierAndLevel() throws IOException {
    List<Row> rows = rows("titles.tsv");
    assertThat(rows).hasSizeGreaterThanOrEqualTo(400);
    assertThat(rows).extracting(Row::tier).contains(Tier.values());
    assertThat(rows).extracting(Row::level).contains(Level.ENTRY, Level.MID, Level.SENIOR, Level.LEAD);
    assertThat(rows.stream().filter(r -> r.tier() == Tier.NONE).count()).as("hard negatives").isGreaterThan(120);
  }

  @ParameterizedTest
  @ValueSource(strings = {"titles.tsv", "titles-holdout.tsv"})
  void meetsTheAccuracyTargets(String file) throws IOException {
    Result r = evaluate(file);
    assertThat(r.precision(Tier.CORE)).as("core precision").isGreaterThanOrEqualTo(0.95);
    assertThat(r.precision(Tier.ADJACENT)).as("adjacent precision").isGreaterThanOrEqualTo(0.95);
    assertThat(r.recall(Tier.CORE)).as("core recall").isGreaterThanOrEqualTo(0.90);
    assertThat(r.recall(Tier.ADJACENT)).as("adjacent recall").isGreaterThanOrEqualTo(0.90);
    assertThat(r.levelAccuracy()).as("level accuracy").isGreaterThanOrEqualTo(0.85);
  }
}
