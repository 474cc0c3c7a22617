package io.telejobs.matcher.topology;

/**
 * A change to one member of a cross-source group, on the internal repartition topic keyed by identity.
 *
 * @param jobId the posting id
 * @param identity the group's identity ({@link io.telejobs.matcher.tag.JobIdentity})
 * @param member the tagged posting, or null when the posting closed or stopped matching
 */
record DedupUpdate(String jobId, String identity, Member member) {}
