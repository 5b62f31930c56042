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
    void aRecordMapsAsBeforeWhenWhatTheMappingReadsOfItAndTheMappingAreAsBefore() throws Exception {
        Files.writeString(dir.resolve("item.yaml"), """
                source: fields
                parts:
                  item:
                    absent: omit
                    fields:
                      Code: code
                      Name: "{name} {size}"
                      Price: price|list_price
                      Channel: "'${channel}'"
                """);
        Mappings mappings = mappings();
        Fields record = new Fields(Map.of("code", "A1", "name", "Tee", "size", "M", "price", "", "list_price", "20",
                "last_mod", "2026-12-08 00:00:01"), List.of());
        String input = mappings.input("item", record);

        Map<String, String> touched = new java.util.HashMap<>(record.values());
        touched.put("last_mod", "2026-12-08 00:05:00"); // a field the mapping does not read
        assertThat(mappings.input("item", new Fields(touched, List.of()))).isEqualTo(input);
        Map<String, String> repriced = new java.util.HashMap<>(record.values());
        repriced.put("list_price", "22"); // read as the second choice
        assertThat(mappings.input("item", new Fields(repriced, List.of()))).isNotEqualTo(input);
        Map<String, String> without = new java.util.HashMap<>(record.values());
        without.remove("price"); // absent is not empty: an omitted field is not an emptied one
        assertThat(mappings.input("item", new Fields(without, List.of()))).isNotEqualTo(input);

        String fingerprint = mappings.fingerprint("item").orElseThrow();
        assertThat(mappings().fingerprint("item")).as("the same file and settings").contains(fingerprint);
        assertThat(new Mappings(dir, new MockEnvironment().withProperty("channel", "Shop"), List.of(fields),
                (kind, v) -> null).fingerprint("item")).as("a setting the file reads").isPresent()
                .get().isNotEqualTo(fingerprint);
    }

    @Test
    void aMappingThatReadsHeadersLookupsOrChildrenHasNoFingerprint() throws Exception {
        Files.writeString(dir.resolve("headers.yaml"), "source: fields\nparts:\n  a:\n    fields:\n      X: header.origin\n");
        Files.writeString(dir.resolve("lookups.yaml"), "source: fields\nparts:\n  a:\n    fields:\n      X: lookup('site', loc)\n");
        Files.writeString(dir.resolve("children.yaml"), "source: fields\nparts:\n  a:\n    each: lines\n    fields:\n      X: sku\n");
        Files.writeString(dir.resolve("plain.yaml"), "# header.x and lookup( in a comment do not count\nsource: fields\n"
                + "parts:\n  a:\n    fields:\n      X: sku\n");
        Mappings mappings = mappings();
        assertThat(mappings.fingerprint("headers")).isEmpty();
        assertThat(mappings.fingerprint("lookups")).isEmpty();
        assertThat(mappings.fingerprint("children")).isEmpty();
        assertThat(mappings.fingerprint("plain")).isPresent();
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
