package io.cherrypick.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Mapping files: parts, repeated parts, absent fields, placeholders, headers, and reloading an edited file. */
class MappingsTest {
    @TempDir
    Path dir;

    /** A record of plain fields with children under "lines". */
    record Fields(Map<String, String> values, List<Map<String, String>> lines) implements MappingSource {
        public String value(String name) {
            return values.get(name);
        }

        public List<? extends MappingSource> each(String collection) {
            return lines.stream().map(l -> new Fields(l, List.of())).toList();
        }
    }

    private final MappingSourceAdapter fields = new MappingSourceAdapter() {
        public String name() {
            return "fields";
        }

        public MappingSource adapt(Object body) {
            return (Fields) body;
        }
    };

    private Mappings mappings() {
        return new Mappings(dir, new MockEnvironment().withProperty("channel", "Web"), List.of(fields), (kind, v) -> null);
    }

    @Test
    void aFileMapsEveryPartInItsFieldOrder() throws Exception {
        Files.writeString(dir.resolve("order.yaml"), """
                source: fields
                parts:
                  header:
                    fields:
                      Number: num
                      Channel: "'${channel}'"
                      Note: note
                      From: header.origin
                  lines:
                    each: lines
                    absent: omit
                    fields:
                      Item: sku
                      Colour: colour
                """);
        MappedRecord mapped = mappings().map("order", new Fields(Map.of("num", "7"),
                List.of(Map.of("sku", "A", "colour", "red"), Map.of("sku", "B"))), Map.of("origin", "enrichment"));

        assertThat(mapped.parts().keySet()).containsExactly("header", "lines");
        assertThat(mapped.row("header")).containsExactly(Map.entry("Number", "7"), Map.entry("Channel", "Web"),
                Map.entry("Note", ""), Map.entry("From", "enrichment"));
        assertThat(mapped.rows("lines")).containsExactly(Map.of("Item", "A", "Colour", "red"), Map.of("Item", "B"));
    }

    @Test
    void aMalformedFileStopsTheStartNamingTheFileAndTheField() throws Exception {
        Files.writeString(dir.resolve("broken.yaml"), """
                source: fields
                parts:
                  header:
                    fields:
                      Number: "{num"
                """);
        assertThatThrownBy(this::mappings).hasMessageContaining("broken.yaml")
                .hasMessageContaining("mapping broken, part header, field Number").hasMessageContaining("unbalanced braces");
    }

    @Test
    void anEditedFileIsReadAgainWithoutARestart() throws Exception {
        Path file = dir.resolve("order.yaml");
        Files.writeString(file, "source: fields\nparts:\n  header:\n    fields:\n      Number: num\n");
        Mappings mappings = mappings();
        Fields record = new Fields(Map.of("num", "7", "alt", "X7"), List.of());
        assertThat(mappings.map("order", record, Map.of()).row("header")).containsEntry("Number", "7");

        Files.writeString(file, "source: fields\nparts:\n  header:\n    fields:\n      Number: alt\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "X7".equals(mappings.map("order", record, Map.of()).row("header").get("Number")));
    }

    @Test
    void anUnknownMappingOrSourceIsNamed() throws Exception {
        Files.writeString(dir.resolve("order.yaml"), "source: nothing\nparts:\n  header:\n    fields:\n      A: a\n");
        Mappings mappings = mappings();
        assertThatThrownBy(() -> mappings.map("missing", null, Map.of())).hasMessageContaining("no mapping file")
                .hasMessageContaining("missing.yaml");
        assertThatThrownBy(() -> mappings.map("order", null, Map.of())).hasMessageContaining("reads source 'nothing'");
    }
}
