package io.cherrypick.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The README documents each mapping file of routes/mappings as a table between {@code <!-- mapping: name -->} and
 * {@code <!-- /mapping -->}: one row per part and field, with the file's expression. This test keeps the two equal, so
 * the README never tells integrators and support staff a mapping the flows do not use.
 */
class ReadmeMappingTablesTest {
    private static final Pattern TABLE = Pattern.compile("<!-- mapping: ([a-z0-9-]+) -->(.*?)<!-- /mapping -->", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| ([^|]+) \\| `(.*)` \\|$");

    @Test
    void everyMappingFileHasItsTableInTheReadmeAndTheyAgree() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Map<String, List<String>> tables = new LinkedHashMap<>();
        Matcher m = TABLE.matcher(readme);
        while (m.find()) {
            List<String> rows = new ArrayList<>();
            for (String line : m.group(2).lines().toList()) {
                Matcher row = ROW.matcher(line.trim());
                if (row.matches() && !row.group(1).equals("Part")) {
                    rows.add(row.group(1).trim() + " | " + row.group(2).trim() + " | " + row.group(3));
                }
            }
            tables.put(m.group(1), rows);
        }
        Map<String, List<String>> files = new LinkedHashMap<>();
        try (var paths = Files.list(Path.of("routes", "mappings"))) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".yaml", "");
                files.put(name, rowsOf(file));
            }
        }
        assertThat(tables.keySet()).as("README tables (<!-- mapping: name -->) for the mapping files")
                .containsExactlyInAnyOrderElementsOf(files.keySet());
        files.forEach((name, rows) -> assertThat(tables.get(name)).as("README table of routes/mappings/%s.yaml", name)
                .containsExactlyElementsOf(rows));
    }

    @SuppressWarnings("unchecked")
    private static List<String> rowsOf(Path file) throws Exception {
        Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        List<String> rows = new ArrayList<>();
        ((Map<String, Object>) yaml.get("parts")).forEach((part, spec) ->
                ((Map<String, Object>) ((Map<String, Object>) spec).get("fields")).forEach((field, expression) ->
                        rows.add(part + " | " + field + " | " + expression)));
        return rows;
    }
}
