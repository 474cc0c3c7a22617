package io.telejobs.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.telejobs.contracts.Limits;
import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.tag.TagInput;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.title.TitleCleaner;

/** Titles and descriptions as hostile pages write them: the cleaner and the tagger never throw and stay linear. */
class TitleFuzzTest {
  private static final Tagger TAGGER = new Tagger(ProfileFiles.load(ProfileFiles.DEFAULT));

  @FuzzTest
  void cleansAndTagsAnyTitle(FuzzedDataProvider data) {
    String title = data.consumeString(200_000);
    String description = data.consumeRemainingAsString();
    Bounded.run("tagging a title", () -> {
      TitleCleaner.Cleaned cleaned = TitleCleaner.clean(title);
      if (cleaned.title().length() > Limits.TITLE) {
        throw new AssertionError("a cleaned title of " + cleaned.title().length() + " characters");
      }
      if (!title.isBlank()) {
        TAGGER.tag(new TagInput(title, description, null, null, null, null, null, null));
      }
    });
  }
}
