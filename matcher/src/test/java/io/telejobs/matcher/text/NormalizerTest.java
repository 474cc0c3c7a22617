package io.telejobs.matcher.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Sr. Telehealth Program Mgr                           | senior telehealth program manager
      Tele-Health Project Manager                          | telehealth project manager
      Tele Health PM - Virtual Care                        | telehealth project manager virtual care
      Télésanté – Chef de projet                           | telesante chef de projet
      Projektmanager (m/w/d) Digital Health                | projektmanager m w d digital health
      Mental Health & Wellness Program Coordinator         | mental health and wellness program coordinator
      R&D Manager                                          | r and d manager
      Ｐｒｏｊｅｃｔ Ｍａｎａｇｅｒ                           | project manager
      Straße 5²                                            | straße 52
      Director, Tele                                       | director tele
      Epic Clin Doc Analyst II — Remote                    | epic clin doc analyst ii remote
      """)
  void titles(String title, String expected) {
    assertThat(String.join(" ", Normalizer.titleTokens(title))).isEqualTo(expected);
  }

  @Test
  void aDecomposedAccentStaysInItsWord() {
    assertThat(Normalizer.tokens("Te\u0301le\u0301sante\u0301 programme")).containsExactly("telesante", "programme");
    assertThat(Normalizer.tokens("\u0301\u0301 x")).containsExactly("x");
  }

  @Test
  void freeTextHasNoAbbreviationExpansion() {
    assertThat(Normalizer.tokens("Sr PM, 5+ yrs")).containsExactly("sr", "pm", "5", "yrs");
    assertThat(Normalizer.tokens("")).isEmpty();
    assertThat(Normalizer.tokens("—…•")).isEmpty();
  }

  /**
   * The one-pass tokenizer gives the same tokens as the two-pass one it replaced, on every real title,
   * pay string and description in the evaluation corpora (curly quotes, bullets, dashes, accents included).
   */
  @Test
  void sameTokensAsTheReferenceOnRealText() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String tsv : List.of("/eval/real/titles-real.tsv", "/eval/real/pay-strings-real.tsv", "/eval/real/not-pay-real.tsv")) {
      for (String line : lines(tsv)) {
        if (!line.startsWith("#")) {
          texts.add(line.split("\t")[0]);
        }
      }
    }
    for (String jsonl : List.of("/eval/real/pay-in-description.jsonl", "/eval/real/pay-in-description-test.jsonl")) {
      for (String line : lines(jsonl)) {
        JsonNode row = JSON.readTree(line);
        texts.add(row.path("description").asText());
      }
    }
    assertThat(texts).hasSizeGreaterThan(1_500);
    long nonAscii = texts.stream().filter(t -> t.chars().anyMatch(c -> c > 127)).count();
    assertThat(nonAscii).as("texts with non-ASCII characters").isGreaterThan(20);
    for (String t : texts) {
      assertSame(Normalizer.tokens(t), ReferenceNormalizer.tokens(t));
      assertSame(Normalizer.titleTokens(t), ReferenceNormalizer.titleTokens(t));
    }
  }

  /**
   * Text is lowered as it is read, char by char, and gives the tokens of the same text lowered whole first
   * (as the tokenizer did before): String.toLowerCase lowers two characters otherwise (a capital sigma by
   * its place in the word, a capital I with a dot into two characters), and a supplementary character is
   * two chars.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      SENIOR TELEHEALTH PROJECT MANAGER (REMOTE) - EPIC/CERNER
      TeleHealth PgM, Virtual-Care; HIPAA & SOC2 -- Sr. Mgr II
      Tele-HEALTH Tele Health TELE health tele
      İSTANBUL Proje Yöneticisi – İnsan Kaynakları
      ΥΠΕΥΘΥΝΟΣ ΕΡΓΟΥ ΤΗΛΕΙΑΤΡΙΚΗΣ ΟΔΥΣΣΕΑΣ
      Σ Σ. ΣΑ aΣb
      Ａｂｃ ＡＢＣ ÀÉÎÕÜ Straße STRASSE Ǆemal ǅ
      Deseret 𐐀𐐁 text 𐐨 Ünïcödé 𝐏𝐫𝐨𝐣𝐞𝐜𝐭 MANAGER
      ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 long
      """)
  void capitalsGiveTheTokensOfTheTextLoweredFirst(String text) {
    String lowered = text.toLowerCase(java.util.Locale.ROOT);
    assertSame(Normalizer.tokens(text), Normalizer.tokens(lowered));
    assertSame(Normalizer.titleTokens(text), Normalizer.titleTokens(lowered));
    assertThat(Normalizer.tokens(text)).as("lower case").allMatch(t -> t.equals(t.toLowerCase(java.util.Locale.ROOT)));
  }

  /** Names the first token that differs, with its neighbours, rather than printing two long lists. */
  private static void assertSame(List<String> got, List<String> reference) {
    int i = 0;
    while (i < got.size() && i < reference.size() && got.get(i).equals(reference.get(i))) {
      i++;
    }
    int from = Math.max(0, i - 3);
    assertThat(got.subList(from, Math.min(got.size(), i + 3)))
        .as("tokens from position %d", from)
        .isEqualTo(reference.subList(from, Math.min(reference.size(), i + 3)));
  }

  private static List<String> lines(String resource) throws IOException {
    try (var in = NormalizerTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
