package io.telejobs.ingest.crawl;

import io.telejobs.contracts.Ids;
import io.telejobs.contracts.JobPosting;
import io.telejobs.ingest.extract.PostingDraft;
import java.time.Instant;
import java.util.Objects;

/** Gives a draft its stable id and content hash. */
public final class PostingFactory {
  private final UrlCanonicalizer canonicalizer;

  public PostingFactory(UrlCanonicalizer canonicalizer) {
    this.canonicalizer = canonicalizer;
  }

  /**
   * The posting event for {@code draft} found on {@code pageUrl}. Its id is {@code source:externalId}
   * when the source gives an id, else {@code source:} plus the canonical URL of the posting.
   */
  public JobPosting complete(PostingDraft draft, String source, String pageUrl, Instant fetchedAt) {
    String ownUrl = draft.url() == null ? pageUrl : draft.url();
    String canonical = Objects.requireNonNullElse(canonicalizer.canonical(ownUrl), ownUrl);
    String id = source + ":" + (draft.externalId() != null ? draft.externalId() : canonical);
    String applyUrl = draft.url() != null ? canonical : pageUrl;
    String hash = Ids.sha256Hex(String.join("\u001f",
        draft.title(),
        String.valueOf(draft.company()),
        String.join("|", draft.locations()),
        String.join("|", draft.countries()),
        String.valueOf(draft.workMode()),
        String.join("|", draft.employmentTypes()),
        String.valueOf(draft.salary()),
        draft.description(),
        String.valueOf(draft.datePosted()),
        String.valueOf(draft.validThrough()),
        applyUrl)).substring(0, 16);
    return new JobPosting(JobPosting.SCHEMA_VERSION, id, source, draft.externalId(), draft.title(),
        draft.company(), draft.locations(), draft.countries(), draft.workMode(),
        draft.workModeEvidence(), draft.employmentTypes(), draft.salary(), draft.description(),
        draft.datePosted(), draft.validThrough(), applyUrl, pageUrl, fetchedAt, hash);
  }
}
