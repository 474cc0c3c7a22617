package io.telejobs.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSchemaTest {
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          b -> b.schemaMappers(m -> m.mapPrefix("https://telejobs.io/schemas/", "classpath:schemas/")));

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of(Topics.POSTINGS, Samples.posting()),
        Arguments.of(Topics.MATCHED, Samples.matched()),
        Arguments.of(Topics.STATS, Samples.stat()),
        Arguments.of(Topics.SUBSCRIPTIONS, Samples.subscription()),
        Arguments.of(Topics.ALERTS, Samples.alert()),
        Arguments.of(Topics.DIGESTS, Samples.alert()),
        Arguments.of(Topics.DELIVERIES, Samples.delivery()),
        Arguments.of(Topics.INGEST_ERRORS, Samples.ingestError()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  <V> void serializedSampleValidatesAgainstItsTopicSchema(Topic<String, V> topic, V sample)
      throws Exception {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), sample);
    JsonNode json = Json.mapper().readTree(bytes);

    Set<ValidationMessage> errors = schemaOf(topic).validate(json);

    assertThat(errors).as("%s sample against %s", topic.name(), topic.schema()).isEmpty();
    int current = sample.getClass().getField("SCHEMA_VERSION").getInt(null);
    assertThat(json.get("schemaVersion").asInt()).as("the record's current schemaVersion").isEqualTo(current);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  <V> void schemaRejectsAValueWithoutItsRequiredFields(Topic<String, V> topic, V sample)
      throws Exception {
    ObjectNode json =
        (ObjectNode) Json.mapper().readTree(topic.valueSerde().serializer().serialize("t", sample));
    json.remove("schemaVersion");
    json.put("unexpectedField", true);

    Set<ValidationMessage> errors = schemaOf(topic).validate(json);

    assertThat(errors).extracting(ValidationMessage::getMessage)
        .anyMatch(m -> m.contains("schemaVersion"))
        .anyMatch(m -> m.contains("unexpectedField"));
  }

  @Test
  void everyTopicWithJsonValuesHasASchemaFile() {
    for (Topic<?, ?> topic : Topics.all()) {
      if (topic.schema() != null) {
        assertThat(getClass().getResource("/schemas/" + topic.schema()))
            .as("schema file for %s", topic.name()).isNotNull();
        assertThat(topic.schema()).startsWith(topic.name());
      }
    }
  }

  private static JsonSchema schemaOf(Topic<?, ?> topic) {
    return FACTORY.getSchema(SchemaLocation.of("https://telejobs.io/schemas/" + topic.schema()));
  }
}
