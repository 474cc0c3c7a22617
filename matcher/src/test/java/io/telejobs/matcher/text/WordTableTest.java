package io.telejobs.matcher.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class WordTableTest {
  @Test
  void aWordSeenBeforeIsTheSameString() {
    WordTable table = new WordTable();
    String a = table.word("the telehealth program", 4, 14, "telehealth".hashCode());
    String b = table.word("telehealth", 0, 10, "telehealth".hashCode());
    assertThat(a).isEqualTo("telehealth").isSameAs(b);
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void aWordWithCapitalsIsTheLowerCaseWord() {
    WordTable table = new WordTable();
    int hash = "telehealth".hashCode();
    String seen = table.word("the TeleHealth program", 4, 14, hash, true);
    assertThat(seen).isEqualTo("telehealth");
    assertThat(table.word("telehealth", 0, 10, hash)).isSameAs(seen);
    assertThat(table.word("TELEHEALTH", 0, 10, hash, true)).isSameAs(seen);
    assertThat(table.word("TELEHEALTX", 0, 10, "telehealtx".hashCode(), true)).isEqualTo("telehealtx");
    String longWord = "A".repeat(WordTable.MAX_LENGTH + 1);
    assertThat(table.word(longWord, 0, longWord.length(), longWord.toLowerCase().hashCode(), true))
        .isEqualTo("a".repeat(WordTable.MAX_LENGTH + 1));
    assertThat(table.size()).isEqualTo(2);
  }

  @Test
  void overlongWordsAreNotKept() {
    WordTable table = new WordTable();
    String longWord = "a".repeat(WordTable.MAX_LENGTH + 1);
    assertThat(table.word(new String(longWord))).isEqualTo(longWord).isNotSameAs(table.word(new String(longWord)));
    assertThat(table.size()).isZero();
  }

  @Test
  void stopsKeepingWordsAtItsLimitAndStillAnswers() {
    WordTable table = new WordTable();
    for (int i = 0; i < WordTable.LIMIT + 1_000; i++) {
      assertThat(table.word("w" + i)).isEqualTo("w" + i);
    }
    assertThat(table.size()).isEqualTo(WordTable.LIMIT);
    String late = "w" + (WordTable.LIMIT + 10);
    assertThat(table.word(new String(late))).isEqualTo(late).isNotSameAs(table.word(new String(late)));
    assertThat(table.word(new String("w5"))).isSameAs(table.word(new String("w5")));
  }

  @Test
  void threadsRacingOnTheSameWordsGetOneStringEach() throws Exception {
    WordTable table = new WordTable();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<String>>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(() -> {
          List<String> got = new ArrayList<>();
          for (int i = 0; i < 20_000; i++) {
            got.add(table.word("word" + i));
          }
          return got;
        });
      }
      List<List<String>> results = new ArrayList<>();
      for (Future<List<String>> f : pool.invokeAll(tasks)) {
        results.add(f.get());
      }
      for (int i = 0; i < 20_000; i++) {
        Map<String, Boolean> distinct = new IdentityHashMap<>();
        for (List<String> r : results) {
          distinct.put(r.get(i), true);
        }
        assertThat(distinct).as("instances of word%d", i).hasSize(1);
      }
      assertThat(table.size()).isEqualTo(20_000);
    } finally {
      pool.shutdownNow();
    }
  }
}
