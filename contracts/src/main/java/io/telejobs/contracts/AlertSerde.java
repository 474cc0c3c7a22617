package io.telejobs.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The alerts' JSON serde. It writes what {@link JsonSerde} writes for an {@link Alert} (the same fields in
 * the same order, each value written by the same mapper), but keeps the last job's JSON: the alerts of one
 * job to a hundred thousand subscribers are decided one after another with the same job instance, so the job
 * is written once, not once per alert. Reading is {@link JsonSerde}'s; the serde around both is Kafka's.
 * Thread-safe: the kept job is one immutable pair, replaced whole.
 */
public final class AlertSerde extends Serdes.WrapperSerde<Alert> {
  public AlertSerde() {
    super(new Writer(), new JsonSerde<>(Alert.class));
  }

  /** Writes an alert, the job's JSON kept from the alert before when it is the same job instance. */
  private static final class Writer implements Serializer<Alert> {
    private record Written(MatchedJob job, byte[] json) {}

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.UTF_8);

    private final ObjectMapper mapper = Json.mapper();
    private final AtomicReference<Written> last = new AtomicReference<>();

    @Override
    public byte[] serialize(String topic, Alert alert) {
      if (alert == null) {
        return null;
      }
      try {
        byte[] job = jobJson(alert.job());
        ByteArrayOutputStream out = new ByteArrayOutputStream(job.length + 1024);
        out.write('{');
        field(out, "schemaVersion", Integer.toString(alert.schemaVersion()).getBytes(StandardCharsets.UTF_8), false);
        field(out, "alertId", mapper.writeValueAsBytes(alert.alertId()), true);
        field(out, "subscription", mapper.writeValueAsBytes(alert.subscription()), true);
        field(out, "job", job, true);
        field(out, "fits", mapper.writeValueAsBytes(alert.fits()), true);
        field(out, "decidedAt", mapper.writeValueAsBytes(alert.decidedAt()), true);
        field(out, "current", alert.current() ? TRUE : FALSE, true);
        out.write('}');
        return out.toByteArray();
      } catch (IOException e) {
        throw new SerializationException("cannot write Alert to " + topic + ": " + e.getMessage(), e);
      }
    }

    private byte[] jobJson(MatchedJob job) throws IOException {
      Written w = last.get();
      if (w != null && w.job() == job) {
        return w.json();
      }
      byte[] bytes = mapper.writeValueAsBytes(job);
      last.set(new Written(job, bytes));
      return bytes;
    }

    private static void field(ByteArrayOutputStream out, String name, byte[] value, boolean comma) {
      if (comma) {
        out.write(',');
      }
      out.write('"');
      out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
      out.write('"');
      out.write(':');
      out.writeBytes(value);
    }
  }
}
