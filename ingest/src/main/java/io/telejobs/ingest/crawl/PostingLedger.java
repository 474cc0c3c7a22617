package io.telejobs.ingest.crawl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What has been published and is still open: per posting id its content hash, source, expiry and how
 * many complete crawls of its source in a row have not found it. A re-crawl publishes a posting only when
 * it is new or changed; a posting missing from enough complete crawls, or past its {@code validThrough},
 * is closed.
 */
public final class PostingLedger {
  private record Entry(String hash, String source, LocalDate validThrough, int missed) {}

  private final Map<String, Entry> open = new ConcurrentHashMap<>();

  /** What a newly seen posting is, relative to the ledger. */
  public enum Change {
    NEW,
    CHANGED,
    UNCHANGED
  }

  /** Classifies and records a posting seen in a crawl; a seen posting is no longer missing. */
  public Change record(String id, String hash, String source, LocalDate validThrough) {
    Entry previous = open.put(id, new Entry(hash, source, validThrough, 0));
    if (previous == null) {
      return Change.NEW;
    }
    return previous.hash().equals(hash) ? Change.UNCHANGED : Change.CHANGED;
  }

  /** Loads a known state, e.g. rebuilt from the compacted postings topic; null hash means closed. */
  public void restore(String id, String hashOrNullForClosed, String source, LocalDate validThrough) {
    if (hashOrNullForClosed == null) {
      open.remove(id);
    } else {
      open.put(id, new Entry(hashOrNullForClosed, source, validThrough, 0));
    }
  }

  /**
   * After a complete crawl of {@code source}: postings of that source it did not find count one more
   * miss; those at {@code maxMisses}, and any past their {@code validThrough}, are closed: removed here
   * and returned, so the caller publishes their tombstones.
   */
  public List<String> closeMissing(String source, Set<String> seen, int maxMisses, LocalDate today) {
    List<String> closed = new ArrayList<>();
    for (Map.Entry<String, Entry> e : open.entrySet()) {
      Entry v = e.getValue();
      if (!v.source().equals(source)) {
        continue;
      }
      boolean expired = v.validThrough() != null && v.validThrough().isBefore(today);
      int missed = seen.contains(e.getKey()) ? 0 : v.missed() + 1;
      if (expired || missed >= maxMisses) {
        closed.add(e.getKey());
      } else if (missed != v.missed()) {
        e.setValue(new Entry(v.hash(), v.source(), v.validThrough(), missed));
      }
    }
    closed.forEach(open::remove);
    return closed;
  }

  /**
   * Forgets a posting whose publication failed, so that the next crawl that finds it publishes it again
   * (as new), instead of taking it for unchanged.
   */
  public void forget(String id) {
    open.remove(id);
  }

  /**
   * Takes back a close whose tombstone could not be published: the posting is open again, of
   * {@code source}, and is closed again by the next complete crawls that do not find it.
   */
  public void reopen(String id, String source) {
    open.putIfAbsent(id, new Entry("", source, null, 0));
  }

  public int size() {
    return open.size();
  }
}
