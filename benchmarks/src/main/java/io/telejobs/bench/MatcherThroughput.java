package io.telejobs.bench;

import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Topic;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.topology.MatcherTopology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Matcher throughput on a real (embedded) broker against its ceiling: a pass-through Streams app with the
 * same configuration and guarantee ({@code exactly_once_v2}) over the same preloaded postings. After one
 * uncounted warm-up round of each, rounds alternate pass-through and matcher; the medians are compared. Throughput is counted from the first
 * committed offset to the last, so start-up and rebalancing are excluded for both. Each run also prints
 * the CPU time its stream thread spent per record, which shows where the ratio comes from: the
 * pass-through's whole budget per record is a few microseconds.
 *
 * <p>Last line: {@code RESULT matcher-throughput matcher_rps=<x> passthrough_rps=<y> ratio=<x/y>}
 */
public final class MatcherThroughput {
  private static final Topic<byte[], byte[]> PASSTHROUGH_OUT =
      new Topic<>("bench.passthrough.v1", Serdes.ByteArray(), Serdes.ByteArray(), false, null);

  private MatcherThroughput() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String threads = args.length > 2 ? args[2] : "1";
    Path state = Files.createTempDirectory("telejobs-bench-state");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Properties client = broker.clientProperties();
      List<Topic<?, ?>> topics = new ArrayList<>(Topics.all());
      topics.add(PASSTHROUGH_OUT);
      TopicAdmin.ensure(client, topics, 3, (short) 1);
      preload(client, n);
      Tagger tagger = new Tagger(ProfileFiles.load(ProfileFiles.DEFAULT));
      List<Double> pass = new ArrayList<>();
      List<Double> match = new ArrayList<>();
      // one uncounted round each, so that both run on a warm JIT and a warm page cache
      run(broker, state, "bench-passthrough-warmup", passThrough(), threads);
      run(broker, state, "bench-matcher-warmup", MatcherTopology.build(tagger, Clock.systemUTC()), threads);
      for (int round = 1; round <= rounds; round++) {
        double p = run(broker, state, "bench-passthrough-" + round, passThrough(), threads);
        double m = run(broker, state, "bench-matcher-" + round, MatcherTopology.build(tagger, Clock.systemUTC()), threads);
        pass.add(p);
        match.add(m);
        System.out.printf(Locale.ROOT, "round %d: passthrough %.0f records/s, matcher %.0f records/s%n", round, p, m);
      }
      double mp = median(pass);
      double mm = median(match);
      System.out.printf(Locale.ROOT, "RESULT matcher-throughput matcher_rps=%.0f passthrough_rps=%.0f ratio=%.3f%n",
          mm, mp, mm / mp);
    }
  }

  private static Topology passThrough() {
    StreamsBuilder b = new StreamsBuilder();
    b.stream(Topics.POSTINGS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-source"))
        .to(PASSTHROUGH_OUT.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-sink"));
    return b.build();
  }

  private static void preload(Properties client, int n) throws Exception {
    long t0 = System.nanoTime();
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      int chunk = 10_000;
      for (int from = 0; from < n; from += chunk) {
        for (JobPosting posting : BenchPostings.generate(Math.min(chunk, n - from), from)) {
          String id = posting.id() + "-" + from;
          producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), id.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              Topics.POSTINGS.valueSerde().serializer().serialize(Topics.POSTINGS.name(), posting)));
        }
      }
      producer.flush();
    }
    System.out.printf(Locale.ROOT, "preloaded %d postings in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  private static double run(EmbeddedKafkaBroker broker, Path state, String appId, Topology topology, String threads)
      throws Exception {
    Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "KAFKA_APPLICATION_ID", appId, "KAFKA_STATE_DIR", state.resolve(appId).toString(),
        "KAFKA_NUM_STREAM_THREADS", threads);
    Properties props = MatcherConfig.fromEnv(env).streams();
    try (Admin admin = Admin.create(broker.clientProperties())) {
      List<TopicPartition> parts = admin.describeTopics(List.of(Topics.POSTINGS.name())).allTopicNames().get()
          .get(Topics.POSTINGS.name()).partitions().stream()
          .map(pi -> new TopicPartition(Topics.POSTINGS.name(), pi.partition())).toList();
      long end = 0;
      for (var e : admin.listOffsets(parts.stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
          tp -> OffsetSpec.latest()))).all().get().values()) {
        end += e.offset();
      }
      KafkaStreams streams = new KafkaStreams(topology, props);
      streams.start();
      long firstAt = 0;
      long firstOffset = 0;
      long cpuAtFirst = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      long committed = 0;
      while (committed < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(appId + " did not finish in 10 minutes (" + committed + " of " + end + ")");
        }
        TimeUnit.MILLISECONDS.sleep(50);
        committed = 0;
        for (OffsetAndMetadata o : admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get().values()) {
          committed += o == null ? 0 : o.offset();
        }
        if (firstAt == 0 && committed > 0) {
          firstAt = System.nanoTime();
          firstOffset = committed;
          cpuAtFirst = streamThreadCpu(appId);
        }
      }
      long doneAt = System.nanoTime();
      long cpu = streamThreadCpu(appId) - cpuAtFirst;
      System.out.printf(Locale.ROOT, "  %s: %.1f us of stream-thread CPU per record, %.0f%% of the wall time%n",
          appId, cpu / 1e3 / Math.max(1, end - firstOffset), 100.0 * cpu / Math.max(1, doneAt - firstAt));
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
      return (end - firstOffset) / ((doneAt - firstAt) / 1e9);
    }
  }

  /** CPU time so far of the stream threads of {@code appId} (their names start with it). */
  private static long streamThreadCpu(String appId) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(appId) && t.getName().contains("-StreamThread-")) {
        sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
      }
    }
    return sum;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
