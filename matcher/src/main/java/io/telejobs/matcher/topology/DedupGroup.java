package io.telejobs.matcher.topology;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A group of postings of the same job found at several sources.
 *
 * @param publicId the id the group is published under: its first member's, for as long as the group lives
 * @param lastSeen member posting id to when it was last updated (epoch ms), oldest first
 */
public record DedupGroup(String publicId, LinkedHashMap<String, Long> lastSeen) {
  public DedupGroup {
    lastSeen = lastSeen == null ? new LinkedHashMap<>() : new LinkedHashMap<>(lastSeen);
  }

  Map<String, Long> members() {
    return lastSeen;
  }
}
