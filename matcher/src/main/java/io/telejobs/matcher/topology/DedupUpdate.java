package io.telejobs.matcher.topology;

import io.telejobs.contracts.MatchedJob;

/**
 * A change to one member of a cross-source group, on the internal repartition topic keyed by identity.
 *
 * @param jobId the posting id
 * @param identity the group's identity ({@link io.telejobs.matcher.tag.JobIdentity})
 * @param job the tagged job, or null when the posting closed or stopped matching
 */
public record DedupUpdate(String jobId, String identity, MatchedJob job) {}
