package io.cherrypick.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.cherrypick.ops.words.PlainWords;

/**
 * The manual (docs/manual) stays true to the code: its tables of plain words, between {@code <!-- words: group -->} and
 * {@code <!-- /words -->}, are what {@link PlainWords} says (the guided fix of every exception category, the states of
 * orders and returns, ...), every picture it shows is there, and every link between its pages and into the project
 * leads to a file. To bring the tables up to date after a change of words, run this test with
 * {@code -Dcherrypick.manual.write=true} (it rewrites them and passes) and review the diff. The pictures are made by
 * the browser tests ({@code -Dcherrypick.manual.screenshots=true}, see ManualScreenshots).
 */
class ManualTest {
    static final Path MANUAL = Path.of("docs", "manual");
    private static final Pattern BLOCK = Pattern.compile("(<!-- words: ([A-Za-z]+) -->\\n)(.*?)(<!-- /words -->)",
            Pattern.DOTALL);
    /** Markdown links and images to a file of the project (not to a web address or an anchor of the same page). */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(MANUAL)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void everyTeamHasItsPage() throws IOException {
        assertThat(pages().stream().map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("README.md",
                "support.md", "customer-service.md", "finance.md", "warehouse.md", "admin.md");
    }

    @Test
    void theTablesOfPlainWordsAreTheConsolesWords() throws IOException {
        boolean write = Boolean.getBoolean("cherrypick.manual.write");
        List<String> groups = new ArrayList<>();
        for (Path page : pages()) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = BLOCK.matcher(text);
            StringBuilder fresh = new StringBuilder();
            while (m.find()) {
                String group = m.group(2);
                assertThat(PlainWords.all()).as("%s names a group of words", page).containsKey(group);
                groups.add(group);
                String expected = render(group);
                if (!write) {
                    assertThat(m.group(3)).as("%s: the words of %s (run ManualTest with -Dcherrypick.manual.write=true"
                            + " to rewrite them)", page, group).isEqualTo(expected);
                }
                m.appendReplacement(fresh, Matcher.quoteReplacement(m.group(1) + expected + m.group(4)));
            }
            m.appendTail(fresh);
            if (write) {
                Files.writeString(page, fresh.toString(), StandardCharsets.UTF_8);
            }
        }
        assertThat(groups).as("the manual explains these words").contains(PlainWords.CATEGORY, PlainWords.ORDER_STATE,
                PlainWords.RETURN_STATE, PlainWords.EXCEPTION_STATUS, PlainWords.FLOW);
    }

    @Test
    void everyPictureAndLinkOfTheManualLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        int pictures = 0;
        for (Path page : pages()) {
            Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                if (m.group().startsWith("!")) {
                    pictures++;
                }
                if (!Files.exists(page.getParent().resolve(target).normalize())) {
                    broken.add(page.getFileName() + " -> " + target);
                }
            }
        }
        assertThat(broken).as("links and pictures leading nowhere").isEmpty();
        assertThat(pictures).as("the manual shows the console").isGreaterThan(10);
    }

    /** A group of words as the manual shows it: a section per exception category, a table for the others. */
    static String render(String group) {
        StringBuilder out = new StringBuilder();
        if (PlainWords.CATEGORY.equals(group)) {
            for (PlainWords.Guide g : PlainWords.guides()) {
                out.append("#### ").append(g.plain()).append("\n\n")
                        .append("Shown as **").append(g.plain()).append("** (`").append(g.constant())
                        .append("`), for **").append(g.ownerPlain()).append("**.\n\n")
                        .append("- **What it means:** ").append(g.meaning()).append('\n')
                        .append("- **Usual fix:** ").append(g.usualFix()).append('\n')
                        .append("- **When to replay:** ").append(g.whenToReplay()).append("\n\n");
            }
            return out.toString();
        }
        out.append("| In the console | Stored as | What it means |\n|---|---|---|\n");
        for (PlainWords.Word w : PlainWords.all().get(group)) {
            out.append("| ").append(w.plain()).append(" | `").append(w.constant()).append("` | ")
                    .append(w.meaning().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }
}
