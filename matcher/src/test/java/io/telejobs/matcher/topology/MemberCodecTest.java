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

  @Test
  void truncatedOrForeignBytesFailClearly() {
    Serde<DedupGroup> serde = MemberCodec.groupSerde();
    byte[] whole = serde.serializer().serialize("t", groups().skip(1).findFirst().orElseThrow());
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", cut))
        .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", "{\"json\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("version");
  }
}
