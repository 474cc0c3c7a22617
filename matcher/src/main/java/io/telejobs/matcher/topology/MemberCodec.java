package io.telejobs.matcher.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Binary serde of the matcher's dedup store, never read by anyone else: the job's JSON is kept as bytes, so
 * it is not parsed and written again on the way. Format: a version byte, then length-prefixed fields; a
 * null string is length -1.
 */
final class MemberCodec {
  /**
   * The version groups are written with (4, the last version of the updates that once crossed a repartition
   * topic in the same format; groups have had one layout throughout).
   */
  private static final byte VERSION = 4;

  /** More members than any group can have (each is a posting of the same job at another source). */
  private static final int MAX_MEMBERS = 100_000;

  private MemberCodec() {}

  /** The dedup store's groups: public id, then each posting's id, time and links, then the JSON or -1. */
  static Serde<DedupGroup> groupSerde() {
    return Serdes.serdeFrom((Serializer<DedupGroup>) (topic, g) -> g == null ? null : write(out -> {
      writeString(out, g.publicId());
      out.writeInt(g.members().size());
      for (DedupGroup.Posting p : g.members()) {
        writeString(out, p.jobId());
        out.writeLong(p.lastSeen());
        writeString(out, p.sourceUrl());
        writeString(out, p.applyUrl());
        writeString(out, p.postingUrl());
        writeString(out, p.source());
      }
      writeBytes(out, g.json());
    }), (Deserializer<DedupGroup>) (topic, bytes) -> bytes == null ? null : read(bytes, (in, version) -> {
      String publicId = readString(in);
      int n = in.readInt();
      if (n < 0 || n > MAX_MEMBERS) {
        throw new IOException("bad member count " + n);
      }
      java.util.List<DedupGroup.Posting> members = new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        members.add(new DedupGroup.Posting(readString(in), in.readLong(), readString(in), readString(in),
            readString(in), readString(in)));
      }
      return new DedupGroup(publicId, members, readBytes(in));
    }));
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Reader<T> {
    T read(DataInputStream in, byte version) throws IOException;
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by an in-memory stream
    }
    return bytes.toByteArray();
  }

  private static <T> T read(byte[] bytes, Reader<T> reader) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version < 1 || version > VERSION) {
        throw new SerializationException("unknown dedup record version " + version);
      }
      return reader.read(in, version);
    } catch (IOException e) {
      throw new SerializationException("truncated dedup record: " + e, e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    if (b == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    if (n > in.available()) {
      throw new java.io.EOFException("length " + n + " past the end");
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] b = readBytes(in);
    return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
