package io.telejobs.matcher.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Limits;
import io.telejobs.matcher.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTextTest {
  @Test
  void keywordsAreDistinctTitleFirstInTextOrder() {
    List<String> title = Normalizer.tokens("Telehealth Program Manager");
    List<String> description = Normalizer.tokens(
        "Lead the telehealth program: Epic, Teams and Zoom. The program manager reports to the CNO.");
    assertThat(JobText.keywords(title, description)).containsExactly(
        "telehealth", "program", "manager", "lead", "the", "epic", "teams", "and", "zoom", "reports", "to", "cno");
  }

  @Test
  void keywordsSkipOverlongWordsAndStopAtTheLimit() {
    String overlong = "x".repeat(Limits.KEYWORD + 1);
    List<String> words = new ArrayList<>();
    words.add(overlong);
    for (int i = 0; i < Limits.KEYWORDS + 500; i++) {
      words.add("w" + i);
      words.add("w" + (i / 2)); // repeats, which must not count
    }
    List<String> got = JobText.keywords(List.of(), words);
    assertThat(got).hasSize(Limits.KEYWORDS).doesNotContain(overlong);
    assertThat(new HashSet<>(got)).hasSize(Limits.KEYWORDS);
    assertThat(got.get(0)).isEqualTo("w0");
    assertThat(got.get(Limits.KEYWORDS - 1)).isEqualTo("w" + (Limits.KEYWORDS - 1));
  }

  @Test
  void noWordsNoKeywords() {
    assertThat(JobText.keywords(List.of(), List.of())).isEmpty();
  }
}
