package io.telejobs.bench;

import io.telejobs.analytics.topology.AnalyticsTopology;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topic;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The analytics application's throughput against a pass-through Streams app on the same preloaded matched jobs
 * and broker, alternating rounds after one uncounted warm-up each; the same stop rule as the matcher's benchmark
 * (the input topic's committed offsets, every input partition caught up, repartitions included).
 *
 * <p>Last line: {@code RESULT analytics-throughput analytics_rps=… passthrough_rps=… ratio=… cpu_us_per_record=…}
 */
public final class AnalyticsThroughput {
  private static final Topic<byte[], byte[]> OUT =
      new Topic<>("bench.analytics-passthrough.v1", Serdes.ByteArray(), Serdes.ByteArray(), false, null);

  private AnalyticsThroughput() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path state = Bench.stateDir("analytics");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      List<Topic<?, ?>> topics = new ArrayList<>(Topics.all());
      topics.add(OUT);
      TopicAdmin.ensure(broker.clientProperties(), topics, 3, (short) 1);
      preload(broker.clientProperties(), n);
      String in = Topics.MATCHED.name();
      MatcherThroughput.run(broker, state, "bench-a-passthrough-warmup", passThrough(), "1", in);
      MatcherThroughput.run(broker, state, "bench-analytics-warmup", AnalyticsTopology.build(), "1", in);
      List<Double> pass = new ArrayList<>();
      List<Double> analytics = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        MatcherThroughput.Run p = MatcherThroughput.run(broker, state, "bench-a-passthrough-" + round, passThrough(), "1", in);
        MatcherThroughput.Run a = MatcherThroughput.run(broker, state, "bench-analytics-" + round, AnalyticsTopology.build(),
            "1", in);
        pass.add(p.rps());
        analytics.add(a.rps());
        cpu.add(a.cpuUsPerRecord());
        System.out.printf(Locale.ROOT, "round %d: passthrough %.0f/s, analytics %.0f/s (%.1f us CPU per record)%n", round,
            p.rps(), a.rps(), a.cpuUsPerRecord());
      }
      double mp = MatcherThroughput.median(pass);
      double ma = MatcherThroughput.median(analytics);
      System.out.printf(Locale.ROOT, "RESULT analytics-throughput analytics_rps=%.0f passthrough_rps=%.0f ratio=%.3f "
          + "cpu_us_per_record=%.1f%n", ma, mp, ma / mp, MatcherThroughput.median(cpu));
    }
  }

  private static Topology passThrough() {
    StreamsBuilder b = new StreamsBuilder();
    b.stream(Topics.MATCHED.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("a-bench-source"))
        .to(OUT.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("a-bench-sink"));
    return b.build();
  }

  private static void preload(Properties client, int n) throws Exception {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    Random r = new Random(7);
    String[] countries = {"US", "IN", "GB"};
    try (KafkaProducer<String, MatchedJob> producer = new KafkaProducer<>(p, Serdes.String().serializer(),
        Topics.MATCHED.valueSerde().serializer())) {
      for (int i = 0; i < n; i++) {
        MatchedJob job = NotifierCurrent.job(i, Tier.values()[r.nextInt(3)], Level.values()[r.nextInt(4)],
            countries[r.nextInt(3)]);
        producer.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job));
      }
      producer.flush();
    }
    System.out.printf(Locale.ROOT, "preloaded %d matched jobs%n", n);
  }
}
