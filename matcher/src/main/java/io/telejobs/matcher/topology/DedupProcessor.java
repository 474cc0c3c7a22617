package io.telejobs.matcher.topology;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.tag.ApplyLinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>A job found at one source (the common case) is forwarded as the bytes the tagging step wrote, and
 * its group keeps only links and times. A group of several keeps its newest content, so that when a
 * posting leaves it the job is published again with the links of the postings still live.
 *
 * <p>A posting that changed group ({@link DedupUpdate#moved}: its title or place changed, or its company and so
 * its partition and task) is taken out of the group it left without a tombstone for its id, and that group, if
 * it was published under the posting's id, goes on under another member's; the group it joins publishes under
 * its id or tombstones it. So one group alone writes an id, and a group left behind cannot overwrite it.
 */
final class DedupProcessor implements Processor<String, DedupUpdate, String, Member> {
  static final int MAX_SOURCE_URLS = io.telejobs.contracts.Limits.SOURCE_URLS;

  private final Duration window;
  private ProcessorContext<String, Member> context;
  private KeyValueStore<String, DedupGroup> groups;

  DedupProcessor(Duration window) {
    this.window = window;
  }

  @Override
  public void init(ProcessorContext<String, Member> context) {
    this.context = context;
    this.groups = context.getStateStore(MatcherTopology.DEDUP_STORE);
  }

  @Override
  public void process(Record<String, DedupUpdate> record) {
    DedupUpdate u = record.value();
    String identity = record.key();
    long now = record.timestamp();
    if (identity == null) { // moved in and does not match: its old partition left its id to this one
      context.forward(new Record<>(u.jobId(), null, now));
      return;
    }
    DedupGroup group = groups.get(identity);
    String publicId = group == null ? u.jobId() : group.publicId();
    List<DedupGroup.Posting> live = new ArrayList<>(group == null ? List.of() : group.members());
    live.removeIf(p -> p.jobId().equals(u.jobId()));
    if (u.member() != null) {
      live.add(DedupGroup.Posting.of(u.jobId(), now, u.member()));
    }
    // members not refreshed within the window are no longer the same live job
    live.removeIf(p -> now - p.lastSeen() > window.toMillis() && !p.jobId().equals(u.jobId()));

    if (live.isEmpty()) {
      groups.delete(identity);
      boolean leftForItsNewGroup = u.moved() && publicId.equals(u.jobId());
      if (!leftForItsNewGroup && (group != null || u.member() == null)) {
        context.forward(new Record<>(publicId, null, now));
      }
      return;
    }
    if (u.moved() && u.member() == null && publicId.equals(u.jobId())) {
      publicId = live.get(0).jobId(); // its id now belongs to its new group: this one goes on under another
    }
    DedupGroup.Posting newest = live.get(live.size() - 1);
    if (u.member() != null && live.size() == 1 && u.jobId().equals(publicId)) {
      // one source, published under its own id with its own URL: exactly what the tagging step wrote
      groups.put(identity, new DedupGroup(publicId, live, null));
      context.forward(new Record<>(publicId, u.member(), now));
      return;
    }
    byte[] content = u.member() != null ? u.member().json() : group.json();
    groups.put(identity, new DedupGroup(publicId, live, live.size() > 1 ? content : null));
    if (content == null) {
      return; // a posting that was not in this group left it: nothing published changes
    }
    List<String> urls = new ArrayList<>();
    List<String> applyLinks = new ArrayList<>();
    for (DedupGroup.Posting p : live) {
      applyLinks.add(p.applyUrl());
      if (urls.size() < MAX_SOURCE_URLS && !urls.contains(p.sourceUrl())) {
        urls.add(p.sourceUrl());
      }
    }
    MatchedJob job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), content);
    String apply = ApplyLinks.preferred(applyLinks);
    String applyUrl = apply != null ? apply : newest.applyUrl();
    MatchedJob published = job.asGroup(publicId, newest.jobId(), newest.source(), newest.postingUrl(), urls, applyUrl);
    byte[] grouped = Topics.MATCHED.valueSerde().serializer().serialize(Topics.MATCHED.name(), published);
    context.forward(new Record<>(publicId,
        new Member(grouped, newest.sourceUrl(), apply, newest.postingUrl(), newest.source()), now));
    if (u.moved() && u.member() != null && !publicId.equals(u.jobId())) {
      context.forward(new Record<>(u.jobId(), null, now)); // published under its own id by the group it left
    }
  }
}
