package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.testkit.KafkaFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The README's read command: committed records only, one line each, tombstones as null, then it ends. */
class ReadTopicIT {
  @Test
  void printsCommittedRecordsAndStopsAtTheEnd() throws Exception {
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      try (Admin admin = Admin.create(kafka.clientProperties())) {
        admin.createTopics(java.util.List.of(new NewTopic("read.test.v1", 2, (short) 1))).all().get();
      }
      Properties p = new Properties();
      p.putAll(kafka.clientProperties());
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "read-test");
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("read.test.v1", "a", "{\"n\":1}"));
        producer.send(new ProducerRecord<>("read.test.v1", "b", null));
        producer.commitTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("read.test.v1", "c", "{\"n\":3}"));
        producer.abortTransaction(); // never committed: an analyst must not see it
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream was = System.out;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      try {
        ReadTopic.main(new String[] {"read.test.v1", "--bootstrap", kafka.bootstrapServers()});
      } finally {
        System.setOut(was);
      }
      assertThat(out.toString(StandardCharsets.UTF_8).lines().sorted().toList())
          .containsExactly("a\t{\"n\":1}", "b\tnull");
    }
  }
}
