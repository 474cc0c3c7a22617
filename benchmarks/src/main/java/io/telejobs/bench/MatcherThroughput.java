package io.telejobs.bench;

import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.PostingPartitions;
import io.telejobs.contracts.Topic;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.topology.MatcherTopology;
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
 * <p>The postings are written as ingest writes them, each to its company's partition. Only the postings
 * topic's committed offsets are counted, and a run ends only when every partition the application consumes,
 * its repartition topics included (the matcher has none now; the shaped ceiling has one), has caught up:
 * counting every input partition's offsets together let a run end while a repartition backlog was still
 * queued (the matcher looked 2-3x faster than it is). A second ceiling, a pass-through of the shape the
 * matcher had (one repartition, one store with a changelog), runs in the same rounds. CPU per record is
 * measured for the whole process, all threads.
 *
 * <p>Last line: {@code RESULT matcher-throughput matcher_rps=… passthrough_rps=… ratio=… shaped_passthrough_rps=…
 * shaped_ratio=… cpu_us_per_record=… passthrough_cpu_us_per_record=…}
 */
public final class MatcherThroughput {
  static final Topic<byte[], byte[]> PASSTHROUGH_OUT =
      new Topic<>("bench.passthrough.v1", Serdes.ByteArray(), Serdes.ByteArray(), false, null);

  private MatcherThroughput() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String threads = args.length > 2 ? args[2] : "1";
    Path state = Bench.stateDir("matcher");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Properties client = broker.clientProperties();
      List<Topic<?, ?>> topics = new ArrayList<>(Topics.all());
      topics.add(PASSTHROUGH_OUT);
      TopicAdmin.ensure(client, topics, 3, (short) 1);
      preload(client, n);
      Tagger tagger = new Tagger(ProfileFiles.load(ProfileFiles.DEFAULT));
      List<Run> pass = new ArrayList<>();
      List<Run> shaped = new ArrayList<>();
      List<Run> match = new ArrayList<>();
      // one uncounted round each, so that all run on a warm JIT and a warm page cache
      run(broker, state, "bench-passthrough-warmup", passThrough(), threads);
      run(broker, state, "bench-shaped-warmup", shapedPassThrough(), threads);
      run(broker, state, "bench-matcher-warmup", MatcherTopology.build(tagger, Clock.systemUTC()), threads);
      for (int round = 1; round <= rounds; round++) {
        Run p = run(broker, state, "bench-passthrough-" + round, passThrough(), threads);
        Run sp = run(broker, state, "bench-shaped-" + round, shapedPassThrough(), threads);
        Run m = run(broker, state, "bench-matcher-" + round, MatcherTopology.build(tagger, Clock.systemUTC()), threads);
        pass.add(p);
        shaped.add(sp);
        match.add(m);
        System.out.printf(Locale.ROOT, "round %d: passthrough %.0f/s (%.1f us CPU per record), shaped pass-through %.0f/s "
            + "(%.1f us), matcher %.0f/s (%.1f us)%n", round, p.rps(), p.cpuUsPerRecord(), sp.rps(), sp.cpuUsPerRecord(),
            m.rps(), m.cpuUsPerRecord());
      }
      double mp = median(pass.stream().map(Run::rps).toList());
      double ms = median(shaped.stream().map(Run::rps).toList());
      double mm = median(match.stream().map(Run::rps).toList());
      double cpuM = median(match.stream().map(Run::cpuUsPerRecord).toList());
      double cpuP = median(pass.stream().map(Run::cpuUsPerRecord).toList());
      System.out.printf(Locale.ROOT, "RESULT matcher-throughput matcher_rps=%.0f passthrough_rps=%.0f ratio=%.3f "
          + "shaped_passthrough_rps=%.0f shaped_ratio=%.3f cpu_us_per_record=%.1f passthrough_cpu_us_per_record=%.1f%n",
          mm, mp, mm / mp, ms, mm / ms, cpuM, cpuP);
    }
  }

  /**
   * One timed run: postings per second from the first committed posting to the moment every input partition
   * of the application, its repartition topics included, has caught up; and the CPU of the whole process
   * (broker, clients, JVM: every thread) per posting over the same span.
   */
  record Run(double rps, double cpuUsPerRecord, double streamThreadCpuUsPerRecord) {}

  /**
   * A pass-through of the matcher's shape: one repartition (by a key taken from the value) and one store with
   * a changelog, and nothing else. The second ceiling: what the matcher's dataflow costs before any work.
   */
  static Topology shapedPassThrough() {
    // its key is the start of each posting's JSON, which several postings share across input partitions, so
    // its table meets the same key out of timestamp order by design; Kafka Streams would warn at each one
    org.apache.logging.log4j.core.config.Configurator.setLevel(
        "org.apache.kafka.streams.kstream.internals.KTableSource", org.apache.logging.log4j.Level.ERROR);
    StreamsBuilder b = new StreamsBuilder();
    b.stream(Topics.POSTINGS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("shaped-source"))
        .selectKey((k, v) -> java.util.Arrays.copyOf(v, Math.min(v.length, 48)), org.apache.kafka.streams.kstream.Named.as("shaped-key"))
        .repartition(org.apache.kafka.streams.kstream.Repartitioned.with(Serdes.ByteArray(), Serdes.ByteArray())
            .withName("shaped-by-key"))
        .toTable(org.apache.kafka.streams.kstream.Named.as("shaped-table"),
            org.apache.kafka.streams.kstream.Materialized.<byte[], byte[], org.apache.kafka.streams.state.KeyValueStore<
                org.apache.kafka.common.utils.Bytes, byte[]>>as("shaped-store")
                .withKeySerde(Serdes.ByteArray()).withValueSerde(Serdes.ByteArray()))
        .toStream(org.apache.kafka.streams.kstream.Named.as("shaped-changes"))
        .to(PASSTHROUGH_OUT.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("shaped-sink"));
    return b.build();
  }

  private static Topology passThrough() {
    StreamsBuilder b = new StreamsBuilder();
    b.stream(Topics.POSTINGS.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-source"))
        .to(PASSTHROUGH_OUT.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-sink"));
    return b.build();
  }

  static void preload(Properties client, int n) throws Exception {
    long t0 = System.nanoTime();
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      int chunk = 10_000;
      int partitions = producer.partitionsFor(Topics.POSTINGS.name()).size();
      for (int from = 0; from < n; from += chunk) {
        for (JobPosting posting : BenchPostings.generate(Math.min(chunk, n - from), from)) {
          String id = posting.id() + "-" + from;
          producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), PostingPartitions.of(posting.company(), partitions),
              id.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              Topics.POSTINGS.valueSerde().serializer().serialize(Topics.POSTINGS.name(), posting)));
        }
      }
      producer.flush();
    }
    System.out.printf(Locale.ROOT, "preloaded %d postings in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
  }

  static Run run(EmbeddedKafkaBroker broker, Path state, String appId, Topology topology, String threads)
      throws Exception {
    return run(broker, state, appId, topology, threads, Topics.POSTINGS.name());
  }

  /** A timed run of {@code topology}, counting the records of {@code input}. */
  static Run run(EmbeddedKafkaBroker broker, Path state, String appId, Topology topology, String threads, String input)
      throws Exception {
    Map<String, String> env = new java.util.HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "KAFKA_APPLICATION_ID", appId, "KAFKA_STATE_DIR", state.resolve(appId).toString(),
        "KAFKA_NUM_STREAM_THREADS", threads));
    // -Dbench.env="KAFKA_COMMIT_INTERVAL_MS=1000,KAFKA_STATESTORE_CACHE_MAX_BYTES=..." tries Streams settings on every app
    Bench.addEnv(env);
    Properties props = MatcherConfig.fromEnv(env).streams();
    try (Admin admin = Admin.create(broker.clientProperties())) {
      long end = end(admin, input);
      KafkaStreams streams = new KafkaStreams(topology, props);
      streams.start();
      long firstAt = 0;
      long firstOffset = 0;
      long cpuAtFirst = 0;
      long processCpuAtFirst = 0;
      Map<String, Long> threadsAtFirst = Map.of();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
      while (true) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(appId + " did not catch up in 15 minutes");
        }
        TimeUnit.MILLISECONDS.sleep(50);
        Progress now = progress(admin, appId, input);
        if (firstAt == 0 && now.postingsCommitted() > 0) {
          firstAt = System.nanoTime();
          firstOffset = now.postingsCommitted();
          cpuAtFirst = streamThreadCpu(appId);
          processCpuAtFirst = Bench.processCpu();
          threadsAtFirst = Bench.threadCpu();
        }
        if (now.postingsCommitted() >= end && now.allCaughtUp()) {
          break;
        }
      }
      long doneAt = System.nanoTime();
      long cpu = streamThreadCpu(appId) - cpuAtFirst;
      long processCpu = Bench.processCpu() - processCpuAtFirst;
      Map<String, Long> threadsAtDone = Bench.threadCpu();
      long records = Math.max(1, end - firstOffset);
      System.out.printf(Locale.ROOT, "  %s: %.1f us of CPU per record for the whole process, %.1f us on the stream "
          + "thread (%.0f%% of the wall time); the busiest threads:%s%n", appId, processCpu / 1e3 / records,
          cpu / 1e3 / records, 100.0 * cpu / Math.max(1, doneAt - firstAt),
          Bench.topThreads(threadsAtFirst, threadsAtDone, 8, records));
      streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
          .withTimeout(Duration.ofSeconds(30)));
      return new Run(records / ((doneAt - firstAt) / 1e9), processCpu / 1e3 / records, cpu / 1e3 / records);
    }
  }

  /**
   * Where a Streams application stands: the committed offsets of the postings topic alone (the records
   * counted), and whether every partition it consumes, repartition topics included, is committed up to its
   * last committed record (read_committed end offset).
   */
  record Progress(long postingsCommitted, boolean allCaughtUp) {}

  static Progress progress(Admin admin, String appId) throws Exception {
    return progress(admin, appId, Topics.POSTINGS.name());
  }

  static Progress progress(Admin admin, String appId, String input) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = new java.util.HashMap<>(
        admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get());
    if (committed.isEmpty()) {
      return new Progress(0, false);
    }
    // every partition of the inputs, committed yet or not: the postings and the application's repartition topics
    List<String> inputs = new ArrayList<>(List.of(input));
    admin.listTopics().names().get().stream()
        .filter(t -> t.startsWith(appId + "-") && t.endsWith("-repartition")).forEach(inputs::add);
    admin.describeTopics(inputs).allTopicNames().get().forEach((topic, d) -> d.partitions().forEach(pi ->
        committed.putIfAbsent(new TopicPartition(topic, pi.partition()), null)));
    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    var ends = admin.listOffsets(latest, new org.apache.kafka.clients.admin.ListOffsetsOptions(
        org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get();
    long postings = 0;
    boolean caughtUp = true;
    for (var e : committed.entrySet()) {
      long offset = e.getValue() == null ? 0 : e.getValue().offset();
      if (e.getKey().topic().equals(input)) {
        postings += offset;
      }
      if (offset < ends.get(e.getKey()).offset()) {
        caughtUp = false;
      }
    }
    return new Progress(postings, caughtUp);
  }

  static long end(Admin admin, String topic) throws Exception {
    List<TopicPartition> parts = admin.describeTopics(List.of(topic)).allTopicNames().get()
        .get(topic).partitions().stream()
        .map(pi -> new TopicPartition(topic, pi.partition())).toList();
    long end = 0;
    for (var e : admin.listOffsets(parts.stream().collect(java.util.stream.Collectors.toMap(tp -> tp,
        tp -> OffsetSpec.latest()))).all().get().values()) {
      end += e.offset();
    }
    return end;
  }

  /** CPU time so far of the stream threads of {@code appId} (their names start with it). */
  private static long streamThreadCpu(String appId) {
    return Bench.threadCpu(name -> name.startsWith(appId) && name.contains("-StreamThread-"));
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    return s.get(s.size() / 2);
  }
}
