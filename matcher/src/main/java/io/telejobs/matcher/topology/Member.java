package io.telejobs.matcher.topology;

/**
 * One tagged posting on its way through deduplication: the job exactly as it will be published (JSON,
 * serialised once, by the tagging step) and the links the dedup step keeps for it. A job found at one
 * source is published as the very bytes the tagging step wrote.
 *
 * @param json the {@link io.telejobs.contracts.MatchedJob} as JSON
 * @param sourceUrl the posting's source URL
 * @param applyUrl the posting's apply link, or null
 * @param postingUrl the posting's own page, or null
 * @param source the name of the source it was found at
 */
record Member(byte[] json, String sourceUrl, String applyUrl, String postingUrl, String source) {}
