package io.telejobs.matcher.topology;

import java.util.List;

/**
 * The postings of one job (one identity) found at one or more sources: what deduplication keeps. It holds
 * each posting's links and when it was last seen, not the job: a job found at one source (the common case)
 * keeps no JSON at all. Only a group of several keeps its newest content, to publish again when a posting
 * leaves it.
 *
 * @param publicId the id the group is published under: its first member's, for as long as the group lives,
 *     unless that member leaves for another group, which then writes that id (another member's from then on;
 *     see {@link DedupUpdate#moved})
 * @param members its live postings, oldest update first
 * @param json the newest member's job as JSON, only while the group has several members; else null
 */
record DedupGroup(String publicId, List<Posting> members, byte[] json) {
  DedupGroup {
    members = List.copyOf(members);
  }

  /**
   * One posting in a group.
   *
   * @param jobId the posting id
   * @param lastSeen when it was last updated (epoch ms)
   * @param sourceUrl its source URL
   * @param applyUrl its apply link, or null
   * @param postingUrl its own page, or null
   * @param source the source it was found at
   */
  record Posting(String jobId, long lastSeen, String sourceUrl, String applyUrl, String postingUrl, String source) {
    static Posting of(String jobId, long lastSeen, Member m) {
      return new Posting(jobId, lastSeen, m.sourceUrl(), m.applyUrl(), m.postingUrl(), m.source());
    }
  }
}
