package io.telejobs.notifier.cli;

import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.DeliveryRetries;
import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Re-drives dead-lettered deliveries: every record of {@code notifier.dlq.v1} that a delivery gave up on
 * ({@code dlq.stage} {@code deliver-email} or {@code deliver-webhook}) goes back on
 * {@code notifier.retries.v1}, due now, for the running notifier's retry worker to try again. Records it
 * cannot re-drive (an alert that could not be read) are listed and left. It reads the topic in its own
 * consumer group, so each dead letter is re-driven once however often the command runs; the delivered-set
 * keeps an alert that did reach its receiver from being sent again.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
    description = "Puts dead-lettered deliveries from notifier.dlq.v1 back on notifier.retries.v1.")
public final class RedriveCommand implements Callable<Integer> {
  @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS)")
  String bootstrap;

  @Option(names = "--group", defaultValue = "telejobs-notifier-redrive",
      description = "consumer group that remembers what was re-driven (default: ${DEFAULT-VALUE})")
  String group;

  @Option(names = "--dry-run", description = "list what would be re-driven and change nothing")
  boolean dryRun;

  private final Map<String, String> env;
  private final PrintStream out;
  private final Clock clock;

  public RedriveCommand(Map<String, String> env, PrintStream out, Clock clock) {
    this.env = env;
    this.out = out;
    this.clock = clock;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new RedriveCommand(System.getenv(), System.out, Clock.systemUTC())).execute(args));
  }

  @Override
  public Integer call() {
    Map<String, String> e = new HashMap<>(env);
    if (bootstrap != null) {
      e.put(Env.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrap);
    }
    Properties kafka = new Env(e).kafkaProperties();
    Properties cp = new Properties();
    cp.putAll(kafka);
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Properties pp = new Properties();
    pp.putAll(kafka);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    int redriven = 0;
    int left = 0;
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions = c.partitionsFor(Topics.NOTIFIER_DLQ.name(), Duration.ofSeconds(30)).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      c.assign(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          String stage = header(r, DeadLetters.STAGE);
          String id = r.key() == null ? "(no key)" : new String(r.key(), StandardCharsets.UTF_8);
          if (stage == null || !stage.startsWith("deliver-") || r.value() == null) {
            left++;
            out.println("left      " + id + ": " + (stage == null ? "not a delivery" : "failed at " + stage)
                + " (" + header(r, DeadLetters.ERROR_MESSAGE) + ")");
          } else {
            String channel = stage.substring("deliver-".length()).toUpperCase(Locale.ROOT);
            Instant now = clock.instant();
            if (!dryRun) {
              DeliveryRetries retry = new DeliveryRetries(channel, 0, now, now,
                  "re-driven from " + Topics.NOTIFIER_DLQ.name());
              p.send(new ProducerRecord<>(Topics.NOTIFIER_RETRIES.name(), null, r.key(), r.value(), retry.toHeaders()));
            }
            redriven++;
            out.println((dryRun ? "would redrive " : "redriven  ") + id + " by " + channel.toLowerCase(Locale.ROOT)
                + " (gave up because: " + header(r, DeadLetters.ERROR_MESSAGE) + ")");
          }
          done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        if (!dryRun && !done.isEmpty()) {
          p.flush();
          c.commitSync(done);
        }
      }
    }
    out.println((dryRun ? "dry run: " : "") + redriven + " delivery(ies) " + (dryRun ? "to re-drive" : "re-driven")
        + ", " + left + " left on " + Topics.NOTIFIER_DLQ.name());
    return 0;
  }

  private static String header(ConsumerRecord<?, ?> r, String key) {
    Header h = r.headers().lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
