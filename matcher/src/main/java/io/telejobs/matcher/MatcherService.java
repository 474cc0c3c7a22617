package io.telejobs.matcher;

import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.config.ServiceMain;
import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.profile.RoleProfile;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.topology.MatcherTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the matcher topology: loads the profile, creates missing topics, starts and stops Streams. */
public final class MatcherService implements ServiceMain.Service {
  private static final Logger LOG = LoggerFactory.getLogger(MatcherService.class);

  private final KafkaStreams streams;
  private final RoleProfile profile;

  public MatcherService(MatcherConfig config, Map<String, String> environment) {
    this.profile = ProfileFiles.load(config.profileFile());
    new Env(environment).ensureTopics(List.of(Topics.POSTINGS, Topics.MATCHED, Topics.MATCHER_DLQ));
    int maxMatched = TopicAdmin.maxValueBytes(new Env(environment).kafkaProperties(), Topics.MATCHED.name());
    this.streams = new KafkaStreams(MatcherTopology.build(new Tagger(profile), Clock.systemUTC(), config.dedupWindow(),
        MatcherTopology.DEFAULT_TAG_BUDGET, System::nanoTime, maxMatched), config.streams());
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("matcher stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("matcher state {} -> {}", before, now));
  }

  @Override
  public void start() {
    LOG.info("matcher starting with profile {} v{}", profile.id(), profile.version());
    streams.start();
  }

  /** Binds Kafka Streams' own metrics (process and commit rates and latencies, lag, store metrics). */
  public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    new io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics(streams).bindTo(registry);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public RoleProfile profile() {
    return profile;
  }

  /** Stops and leaves the group, so that a restart with the same id does not wait for a session timeout. */
  @Override
  public void close() {
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
  }
}
