package io.telejobs.matcher.topology;

/**
 * A change to one member of a cross-source group, keyed by identity.
 *
 * @param jobId the posting id
 * @param identity the group's identity ({@link io.telejobs.matcher.tag.JobIdentity}), or null for a posting
 *     that moved in from another partition and does not match here: its id gets a tombstone
 * @param member the tagged posting, or null when the posting closed or stopped matching
 * @param moved the posting changed group (its title or place changed, or its company and so its partition):
 *     leaving, the group does not tombstone its id, which its new group now speaks for, and a group that was
 *     published under its id goes on under another member's; arriving and published under another id, its own
 *     id gets a tombstone
 */
record DedupUpdate(String jobId, String identity, Member member, boolean moved) {}
