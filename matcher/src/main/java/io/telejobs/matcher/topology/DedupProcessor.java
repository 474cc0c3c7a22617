package io.telejobs.matcher.topology;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.tag.ApplyLinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes each job once however many sources list it. Postings with the same identity form a group;
 * the group is published under its first member's id, with the newest member's tags and every member's
 * source URL. A member not updated within the window drops out of the group; when the last member closes,
 * the group's id gets a tombstone.
 *
 * <p>A job found at one source (the common case) is forwarded as the bytes the tagging step wrote; only a
 * group of several is read, merged and written again.
 */
final class DedupProcessor implements Processor<String, DedupUpdate, String, Member> {
  static final int MAX_SOURCE_URLS = io.telejobs.contracts.Limits.SOURCE_URLS;

  private final Duration window;
  private ProcessorContext<String, Member> context;
  private KeyValueStore<String, DedupGroup> groups;
  private KeyValueStore<String, Member> members;

  DedupProcessor(Duration window) {
    this.window = window;
  }

  @Override
  public void init(ProcessorContext<String, Member> context) {
    this.context = context;
    this.groups = context.getStateStore(MatcherTopology.DEDUP_GROUPS_STORE);
    this.members = context.getStateStore(MatcherTopology.DEDUP_MEMBERS_STORE);
  }

  @Override
  public void process(Record<String, DedupUpdate> record) {
    DedupUpdate u = record.value();
    String identity = record.key();
    long now = record.timestamp();
    DedupGroup group = groups.get(identity);
    LinkedHashMap<String, Long> lastSeen = group == null ? new LinkedHashMap<>() : new LinkedHashMap<>(group.members());
    String publicId = group == null ? u.jobId() : group.publicId();

    if (u.member() != null) {
      lastSeen.remove(u.jobId());
      lastSeen.put(u.jobId(), now);
      members.put(memberKey(identity, u.jobId()), u.member());
    } else {
      lastSeen.remove(u.jobId());
      members.delete(memberKey(identity, u.jobId()));
    }
    // members not refreshed within the window are no longer the same live job
    for (Iterator<Map.Entry<String, Long>> it = lastSeen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      if (now - e.getValue() > window.toMillis() && !e.getKey().equals(u.jobId())) {
        members.delete(memberKey(identity, e.getKey()));
        it.remove();
      }
    }

    if (lastSeen.isEmpty()) {
      groups.delete(identity);
      if (group != null || u.member() == null) {
        context.forward(new Record<>(publicId, null, now));
      }
      return;
    }
    groups.put(identity, new DedupGroup(publicId, lastSeen));
    List<String> urls = new ArrayList<>();
    List<String> applyLinks = new ArrayList<>();
    Member newest = null;
    for (String id : lastSeen.keySet()) {
      Member m = id.equals(u.jobId()) && u.member() != null ? u.member() : members.get(memberKey(identity, id));
      if (m == null) {
        continue;
      }
      newest = m;
      applyLinks.add(m.applyUrl());
      if (urls.size() < MAX_SOURCE_URLS && !urls.contains(m.sourceUrl())) {
        urls.add(m.sourceUrl());
      }
    }
    if (newest == null) {
      return;
    }
    if (lastSeen.size() == 1 && lastSeen.containsKey(publicId)) {
      // one source, published under its own id with its own URL: exactly what the tagging step wrote
      context.forward(new Record<>(publicId, newest, now));
      return;
    }
    MatchedJob job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), newest.json());
    String apply = ApplyLinks.preferred(applyLinks);
    byte[] grouped = Topics.MATCHED.valueSerde().serializer().serialize(Topics.MATCHED.name(),
        job.asGroup(publicId, urls, apply != null ? apply : job.applyUrl()));
    context.forward(new Record<>(publicId, new Member(grouped, newest.sourceUrl(), apply), now));
  }

  private static String memberKey(String identity, String jobId) {
    return identity + "\u0000" + jobId;
  }
}
