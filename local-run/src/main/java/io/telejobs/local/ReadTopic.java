package io.telejobs.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic as an analyst would: committed records only ({@code read_committed}), from the beginning, one
 * line per record ({@code key<TAB>value}; a tombstone's value is {@code null}), until the end (or, with
 * {@code --follow}, until Ctrl-C). Needs nothing but this project: no Kafka download.
 *
 * <pre>
 * usage: read TOPIC [--follow] [--bootstrap HOST:PORT]   (default KAFKA_BOOTSTRAP_SERVERS or localhost:9092)
 * </pre>
 */
public final class ReadTopic {
  private ReadTopic() {}

  public static void main(String[] args) {
    String topic = null;
    boolean follow = false;
    String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--follow" -> follow = true;
        case "--bootstrap" -> bootstrap = i + 1 < args.length ? args[++i] : bootstrap;
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> topic = args[i];
      }
    }
    if (topic == null) {
      usage();
      System.exit(2);
    }
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "telejobs-read-" + UUID.randomUUID());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      var infos = c.partitionsFor(topic, Duration.ofSeconds(15));
      if (infos == null || infos.isEmpty()) {
        System.err.println("read: no topic '" + topic + "' at " + bootstrap);
        System.exit(1);
      }
      String name = topic;
      List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(name, i.partition())).toList();
      c.assign(parts);
      c.seekToBeginning(parts);
      Map<TopicPartition, Long> end = c.endOffsets(parts);
      long n = 0;
      while (follow || parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
          System.out.println(text(r.key()) + "\t" + text(r.value()));
          n++;
        }
      }
      System.err.println("read: " + n + " record(s) from " + topic);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      System.err.println("read: no Kafka broker answered at " + bootstrap + " (is the local run up? "
          + "APP_KEEP_RUNNING=true ./mvnw -q -Prun -DskipTests package)");
      System.exit(1);
    }
  }

  private static String text(byte[] b) {
    return b == null ? "null" : new String(b, StandardCharsets.UTF_8);
  }

  private static void usage() {
    System.err.println("usage: read TOPIC [--follow] [--bootstrap HOST:PORT]");
  }
}
