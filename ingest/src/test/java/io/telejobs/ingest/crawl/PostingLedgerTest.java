package io.telejobs.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostingLedgerTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  @Test
  void newChangedAndUnchangedPostings() {
    PostingLedger ledger = new PostingLedger();
    assertThat(ledger.record("a", "h1", "s", null)).isEqualTo(PostingLedger.Change.NEW);
    assertThat(ledger.record("a", "h1", "s", null)).isEqualTo(PostingLedger.Change.UNCHANGED);
    assertThat(ledger.record("a", "h2", "s", null)).isEqualTo(PostingLedger.Change.CHANGED);
  }

  @Test
  void aPostingMissingFromNCompleteCrawlsInARowIsClosed() {
    PostingLedger ledger = new PostingLedger();
    ledger.record("a", "h", "s", null);
    ledger.record("b", "h", "s", null);
    assertThat(ledger.closeMissing("s", Set.of("b"), 2, TODAY)).as("first miss").isEmpty();
    ledger.record("a", "h", "s", null); // back again: the count starts over
    assertThat(ledger.closeMissing("s", Set.of("b"), 2, TODAY)).isEmpty();
    assertThat(ledger.closeMissing("s", Set.of("b"), 2, TODAY)).containsExactly("a");
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void aPostingPastItsValidThroughIsClosedEvenWhenSeen() {
    PostingLedger ledger = new PostingLedger();
    ledger.record("old", "h", "s", TODAY.minusDays(1));
    ledger.record("current", "h", "s", TODAY);
    assertThat(ledger.closeMissing("s", Set.of("old", "current"), 2, TODAY)).containsExactly("old");
  }

  @Test
  void aPostingWhosePublicationFailedIsPublishedAgainNextTime() {
    PostingLedger ledger = new PostingLedger();
    ledger.record("s:1", "h1", "s", null);
    ledger.forget("s:1");
    assertThat(ledger.record("s:1", "h1", "s", null)).isEqualTo(PostingLedger.Change.NEW);
  }

  @Test
  void aCloseWhoseTombstoneFailedIsClosedAgainByTheNextCompleteCrawl() {
    PostingLedger ledger = new PostingLedger();
    ledger.record("s:1", "h1", "s", null);
    assertThat(ledger.closeMissing("s", java.util.Set.of(), 1, java.time.LocalDate.of(2026, 11, 25))).containsExactly("s:1");
    ledger.reopen("s:1", "s");
    assertThat(ledger.closeMissing("s", java.util.Set.of(), 1, java.time.LocalDate.of(2026, 11, 25))).containsExactly("s:1");
  }

  @Test
  void otherSourcesAreNotTouched() {
    PostingLedger ledger = new PostingLedger();
    ledger.record("x", "h", "other", null);
    assertThat(ledger.closeMissing("s", Set.of(), 1, TODAY)).isEmpty();
    assertThat(ledger.size()).isEqualTo(1);
  }
}
