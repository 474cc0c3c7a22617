package io.telejobs.matcher.title;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Limits;
import io.telejobs.matcher.Profiles;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.tag.TagInput;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Titles built to make a backtracking expression take quadratic time (the hardening issue's ReDoS: 400,000
 * "(" stalled the stream thread for 21 minutes). Cleaning and tagging read at most {@link Limits#TITLE}
 * characters in linear time; each case must finish far inside the timeout, which only guards the build.
 */
class HostileTitleTest {
  static Stream<String> hostile() {
    return Stream.of(
        "(".repeat(400_000),
        "(".repeat(40_000),
        "[".repeat(40_000) + "Telehealth Project Manager",
        " ".repeat(100_000) + "x",
        "Telehealth Project Manager" + " |".repeat(50_000),
        "a,".repeat(100_000) + "Remote",
        "Program Manager " + "- ".repeat(60_000) + "Boston, MA",
        ("Telehealth (Remote " + "(".repeat(100)).repeat(1_000));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void cleansAndTagsHostileTitlesWithinTheLimit(String title) {
    TitleCleaner.Cleaned cleaned = TitleCleaner.clean(title);
    assertThat(cleaned.title().length()).isLessThanOrEqualTo(Limits.TITLE);
    assertThat(new Tagger(Profiles.TELEHEALTH).tag(new TagInput(title, "x ".repeat(30_000), null, null, null, null,
        null, null)).tier()).isNotNull();
  }
}
