package io.cherrypick.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A copy of {@code routes/} (route files and mapping files) with an integrator's edits applied, for a test that proves an
 * integrator task is done by editing only files under routes/. Each edit must change its file, so a test whose edit no
 * longer applies fails instead of passing on the unedited routes.
 */
public final class EditedRoutes {
    private EditedRoutes() {
    }

    /** Copies routes/ and applies the edits, keyed by the file's path below routes/ (e.g. mappings/sales-order.yaml). */
    public static Path copyWith(Map<String, UnaryOperator<String>> edits) {
        try {
            Path copy = Files.createTempDirectory("edited-routes-");
            Path source = Path.of("routes");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                Path target = copy.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
            for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
                Path file = copy.resolve(edit.getKey());
                String before = Files.readString(file);
                String after = edit.getValue().apply(before);
                assertThat(after).as("the edit of routes/%s changes it", edit.getKey()).isNotEqualTo(before);
                Files.writeString(file, after);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points a test context at the edited copy: its route files and its mapping files. */
    public static void use(DynamicPropertyRegistry registry, Path routes) {
        registry.add("camel.main.routes-include-pattern", () -> "file:" + routes + "/*.camel.yaml");
        registry.add("cherrypick.routes-dir", routes::toString);
    }

    /** Replaces one exact passage (it must be there once). */
    public static UnaryOperator<String> replace(String passage, String with) {
        return text -> {
            int at = text.indexOf(passage);
            assertThat(at).as("passage to edit: %s", passage).isNotNegative();
            assertThat(text.indexOf(passage, at + 1)).as("passage appears once: %s", passage).isNegative();
            return text.replace(passage, with);
        };
    }
}
