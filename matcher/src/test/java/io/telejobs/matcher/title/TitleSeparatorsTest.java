package io.telejobs.matcher.title;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link TitleCleaner#splitSeparators} is the one-pass form of the separator expression the cleaner used
 * before (kept here as the reference): on every real title of the corpus, and on hand-made edge cases,
 * both split the same way.
 */
class TitleSeparatorsTest {
  /** The reference: the expression {@code TitleCleaner} split titles with. */
  private static final Pattern SEPARATOR = Pattern.compile("\\s+[|/@•·:]\\s*|\\s+[-]\\s+|\\s*\\|\\s*");

  static Stream<String> edgeCases() {
    return Stream.of("", "|", " | ", "||", "a|b", "a | b", "a |b", "a| b", "a -b", "a- b", "a - b", "a  -  b",
        "a - - b", "a / - b", "a | / b", "a /b", "a/b", "a @ b", "a@b", "a :b", "a: b", "a • b", "a·b", "a \u00b7 b",
        "| Remote", "Manager |", "Manager - ", "Manager -", "- Manager", " - Manager", "a\t|\tb", "a\n-\nb",
        "a \u000b- b", "a\u00a0- b", "Program Manager - Telehealth | Remote, US", "IT PM -- Epic", "a - b - c - d",
        "a | | b", "a ||| b", "Sr. PM / Scrum Master @ Acme: Remote");
  }

  @ParameterizedTest
  @MethodSource("edgeCases")
  void splitsEdgeCasesAsTheExpressionDid(String t) {
    assertThat(TitleCleaner.splitSeparators(t)).containsExactly(SEPARATOR.split(t));
  }

  @Test
  void splitsEveryRealTitleAsTheExpressionDid() throws IOException {
    List<String> titles = new ArrayList<>();
    try (InputStream in = TitleSeparatorsTest.class.getResourceAsStream("/eval/real/titles-real.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("#") && !line.isBlank()) {
          titles.add(line.split("\t")[0]);
        }
      }
    }
    int split = 0;
    for (String title : titles) {
      String[] expected = SEPARATOR.split(title);
      assertThat(TitleCleaner.splitSeparators(title)).as(title).containsExactly(expected);
      split += expected.length > 1 ? 1 : 0;
    }
    assertThat(titles).hasSizeGreaterThan(6_000);
    assertThat(split).as("titles with a separator").isGreaterThan(100);
  }
}
