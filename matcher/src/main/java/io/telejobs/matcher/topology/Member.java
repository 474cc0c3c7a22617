package io.telejobs.matcher.topology;


/**
 * One tagged posting on its way through deduplication: the job exactly as it will be published (JSON,
 * serialised once, by the tagging step), its source URL and what it counts in for the statistics. The
 * dedup step reads only these fields, so a job found at one source is published as the very bytes the
 * tagging step wrote.
 *
 * @param json the {@link io.telejobs.contracts.MatchedJob} as JSON
 * @param sourceUrl the posting's source URL
 * @param applyUrl the posting's apply link, or null
 * @param facts what the job counts in for the statistics
 */
record Member(byte[] json, String sourceUrl, String applyUrl) {}
