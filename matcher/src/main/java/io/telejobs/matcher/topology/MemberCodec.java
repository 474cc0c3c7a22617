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
 * Binary serdes of the matcher's internal dedup records (a repartition topic and a store, never read by
 * anyone else): the job's JSON is carried as bytes, so it is not parsed and written again on the way.
 * Format: a version byte, then length-prefixed fields; a null string is length -1.
 */
final class MemberCodec {
  /**
   * 4 added the posting page and source to a member; 3 dropped the statistics facts (statistics moved to
   * analytics); 2 added the apply link. Updates of versions 1 to 3 are still read.
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

  static Serde<DedupUpdate> updateSerde() {
    return Serdes.serdeFrom((Serializer<DedupUpdate>) (topic, u) -> u == null ? null : write(out -> {
      writeString(out, u.jobId());
      writeString(out, u.identity());
      out.writeBoolean(u.member() != null);
      if (u.member() != null) {
        writeMember(out, u.member());
      }
    }), (Deserializer<DedupUpdate>) (topic, bytes) -> bytes == null ? null : read(bytes, (in, version) -> {
      String jobId = readString(in);
      String identity = readString(in);
      return new DedupUpdate(jobId, identity, in.readBoolean() ? readMember(in, version) : null);
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

  private static void writeMember(DataOutputStream out, Member m) throws IOException {
    writeBytes(out, m.json());
    writeString(out, m.sourceUrl());
    writeString(out, m.applyUrl());
    writeString(out, m.postingUrl());
    writeString(out, m.source());
  }

  private static Member readMember(DataInputStream in, byte version) throws IOException {
    byte[] json = readBytes(in);
    String url = readString(in);
    String apply = version >= 2 ? readString(in) : null; // version 1 had no apply link
    if (version <= 2) { // versions 1 and 2 carried the statistics facts: read past them
      readString(in);
      readString(in);
      if (in.readBoolean()) {
        in.readLong();
      }
    }
    String postingUrl = version >= 4 ? readString(in) : null;
    String source = version >= 4 ? readString(in) : null;
    return new Member(json, url, apply, postingUrl, source);
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
