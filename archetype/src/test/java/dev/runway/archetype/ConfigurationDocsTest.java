package dev.runway.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every environment variable the runtime, the bootstrap scripts, local mode and the
 * extensions SDK read: a variable added to the code without a line there fails this test.
 */
class ConfigurationDocsTest {

    /** Names in the code that are no environment variable. */
    private static final Set<String> NOT_VARIABLES = Set.of(
            "AWS_LAMBDA_X_TRACE_ID"); // the AWS SDK's per-thread trace id key (TraceIdPublisher), not the environment

    private static final Pattern JAVA_NAME = Pattern.compile("\"((?:RUNWAY|AWS|LAMBDA|JAVA)_[A-Z0-9_]*|_[A-Z][A-Z0-9_]*)\"");
    private static final Pattern SHELL_NAME = Pattern.compile("\\$\\{?((?:RUNWAY|AWS|LAMBDA|JAVA)_[A-Z0-9_]*|_[A-Z][A-Z0-9_]*)");

    @Test
    void everyVariableTheCodeReadsIsDocumented() throws IOException {
        Path root = RepositoryDocsTest.ROOT;
        Set<String> names = new TreeSet<>();
        for (String module : new String[] {"ric-core", "bootstrap", "extensions-api", "slf4j-runway", "api", "junit",
                "base-image"}) {
            Path main = root.resolve(module).resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    Pattern pattern = name.endsWith(".java") ? JAVA_NAME
                            : file.getParent().getFileName().toString().equals("sh") ? SHELL_NAME : null;
                    if (pattern != null) {
                        Matcher found = pattern.matcher(Files.readString(file));
                        while (found.find()) {
                            names.add(found.group(1));
                        }
                    }
                }
            }
        }
        names.removeAll(NOT_VARIABLES);
        assertThat(names).contains("RUNWAY_JAVA_OPTIONS", "AWS_LAMBDA_LOG_LEVEL", "_HANDLER");

        String docs = Files.readString(root.resolve("docs/configuration.md"));
        assertThat(names).allSatisfy(name -> assertThat(docs).as("docs/configuration.md names " + name)
                .contains("`" + name));
    }
}
