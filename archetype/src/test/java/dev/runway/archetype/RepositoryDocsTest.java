package dev.runway.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's Markdown stands on its own: every relative link resolves to a file inside the repository (and,
 * for a Markdown target, to one of its headings), and nothing points to a file outside it.
 */
class RepositoryDocsTest {

    static final Path ROOT = Path.of(System.getProperty("runway.repository", "..")).toAbsolutePath().normalize();

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            Matcher link = LINK.matcher(Files.readString(file));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto:: not a file
                }
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                String where = ROOT.relativize(file) + ": " + target;
                if (path.startsWith("/") || !resolved.startsWith(ROOT)) {
                    broken.add(where + " (leaves the repository)");
                } else if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !headingAnchors(resolved).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void noFileNamesAPlaceOutsideTheRepository() throws IOException {
        // Spelled in two halves so that this file does not name it.
        List<String> outside = List.of("/wo" + "rk/", "../sha" + "red/");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(RepositoryDocsTest::isProjectTextFile).toList()) {
                String text = Files.readString(file);
                outside.stream().filter(text::contains).forEach(s -> found.add(ROOT.relativize(file) + ": " + s));
            }
        }
        assertThat(found).isEmpty();
    }

    static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(RepositoryDocsTest::isProjectTextFile).filter(f -> f.toString().endsWith(".md"))
                    .toList();
        }
    }

    private static boolean isProjectTextFile(Path file) {
        Path relative = ROOT.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.startsWith(".git") && !name.equals(".github") || name.equals(".idea")
                    || name.equals("node_modules")) {
                return false;
            }
        }
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && name.matches(".*\\.(md|java|xml|sh|yml|yaml|properties|txt)|Dockerfile.*");
    }

    /** GitHub's anchors: lower case, punctuation dropped but for '-' and '_', spaces as '-'. */
    static List<String> headingAnchors(Path markdown) throws IOException {
        List<String> anchors = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced && line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
