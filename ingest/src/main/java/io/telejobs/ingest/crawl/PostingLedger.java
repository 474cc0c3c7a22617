package io.telejobs.ingest.crawl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What has been published: the content hash of every live posting id. A re-crawl publishes a posting
 * only when it is new or its hash changed.
 */
public final class PostingLedger {
  private final Map<String, String> hashById = new ConcurrentHashMap<>();

  /** What a newly seen posting is, relative to the ledger. */
  public enum Change {
    NEW,
    CHANGED,
    UNCHANGED
  }

  /** Classifies and records {@code id} with {@code hash}. */
  public Change record(String id, String hash) {
    String previous = hashById.put(id, hash);
    if (previous == null) {
      return Change.NEW;
    }
    return previous.equals(hash) ? Change.UNCHANGED : Change.CHANGED;
  }

  /** Loads a known state, e.g. rebuilt from the compacted postings topic. */
  public void restore(String id, String hashOrNullForClosed) {
    if (hashOrNullForClosed == null) {
      hashById.remove(id);
    } else {
      hashById.put(id, hashOrNullForClosed);
    }
  }

  public int size() {
    return hashById.size();
  }
}
