package io.telejobs.matcher.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MemberCodecTest {
  private final Serde<DedupUpdate> serde = MemberCodec.updateSerde();

  static Stream<DedupUpdate> updates() {
    byte[] json = "{\"id\":\"s:1\",\"title\":\"Télésanté — PM ₹\"}".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        new DedupUpdate("s:1", "acme|telehealth pm|us", new Member(json, "https://a.example/1",
            "https://boards.greenhouse.io/acme/jobs/1", "https://acme.example/jobs/1", "acme-greenhouse")),
        new DedupUpdate("s:2", "acme|pm|", new Member(new byte[0], null, null, null, "acme")),
        new DedupUpdate("s:3", "acme|pm|", null));
  }

  @ParameterizedTest
  @MethodSource("updates")
  void roundTripsEveryField(DedupUpdate u) {
    DedupUpdate back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", u));
    assertThat(back.jobId()).isEqualTo(u.jobId());
    assertThat(back.identity()).isEqualTo(u.identity());
    if (u.member() == null) {
      assertThat(back.member()).isNull();
    } else {
      assertThat(back.member().json()).isEqualTo(u.member().json());
      assertThat(back.member().sourceUrl()).isEqualTo(u.member().sourceUrl());
      assertThat(back.member().applyUrl()).isEqualTo(u.member().applyUrl());
      assertThat(back.member().postingUrl()).isEqualTo(u.member().postingUrl());
      assertThat(back.member().source()).isEqualTo(u.member().source());
    }
  }

  static Stream<DedupGroup> groups() {
    byte[] json = "{\"id\":\"s:1\",\"title\":\"Télésanté — PM\"}".getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        new DedupGroup("s:1", List.of(new DedupGroup.Posting("s:1", 1_700_000_000_000L, "https://a.example/1", null,
            "https://a.example/1", "acme")), null),
        new DedupGroup("s:1", List.of(
            new DedupGroup.Posting("s:1", 1L, "https://a.example/1", "https://apply.example/1", null, "acme"),
            new DedupGroup.Posting("t:7", 2L, "https://b.example/7", null, "https://b.example/7", "board")), json));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void groupsRoundTrip(DedupGroup g) {
    Serde<DedupGroup> groupSerde = MemberCodec.groupSerde();
    DedupGroup back = groupSerde.deserializer().deserialize("t", groupSerde.serializer().serialize("t", g));
    assertThat(back.publicId()).isEqualTo(g.publicId());
    assertThat(back.members()).isEqualTo(g.members());
    assertThat(back.json()).isEqualTo(g.json());
  }

  /** A group of one posting is a few hundred bytes: links and a time, not the job. */
  @Test
  void aOneSourceGroupKeepsNoJob() {
    DedupGroup one = groups().findFirst().orElseThrow();
    assertThat(MemberCodec.groupSerde().serializer().serialize("t", one)).hasSizeLessThan(120);
  }

  /** A record written before the statistics left the matcher (version 2, with their facts) is still read. */
  @Test
  void readsVersionTwoRecordsWrittenWithStatisticsFacts() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
      out.writeByte(2);
      for (String s : new String[] {"s:9", "acme|pm|us"}) {
        out.writeInt(s.length());
        out.writeBytes(s);
      }
      out.writeBoolean(true);
      byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
      out.writeInt(json.length);
      out.write(json);
      for (String s : new String[] {"https://a.example/9", "https://apply.example/9", "count|x", "salary|y"}) {
        out.writeInt(s.length());
        out.writeBytes(s);
      }
      out.writeBoolean(true);
      out.writeLong(120_000L);
    }
    DedupUpdate back = serde.deserializer().deserialize("t", bytes.toByteArray());
    assertThat(back.jobId()).isEqualTo("s:9");
    assertThat(back.member().applyUrl()).isEqualTo("https://apply.example/9");
    assertThat(new String(back.member().json(), StandardCharsets.UTF_8)).isEqualTo("{}");
  }

  @Test
  void truncatedOrForeignBytesFailClearly() {
    byte[] whole = serde.serializer().serialize("t", updates().findFirst().orElseThrow());
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", cut))
        .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"json\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("version");
  }
}
