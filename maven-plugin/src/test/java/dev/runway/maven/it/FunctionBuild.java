package dev.runway.maven.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A build of the sample function project ({@code src/it/hello-function}) by Maven, as its user runs it, with this
 * build's plugin from {@code target/it-repo} and {@code ~/.m2} behind it, read only.
 *
 * @param status Maven's exit status
 * @param output Maven's output
 */
record FunctionBuild(int status, String output) {

    private static final Path WORK = Path.of("target", "it").toAbsolutePath();

    /** {@code mvn -B -o package} on the project with this build's Maven, plugin and pinned versions. */
    static FunctionBuild maven(Path project, String... properties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("runway.it.mavenHome"), "bin", "mvn").toString(), "-B", "-o", "package",
                "-Dmaven.repo.local=" + System.getProperty("runway.it.repo"),
                "-Dmaven.repo.local.tail=" + System.getProperty("runway.it.userRepo"),
                "-Drunway.version=" + System.getProperty("runway.it.pluginVersion")));
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("version.")) {
                command.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        command.addAll(List.of(properties));
        Path output = project.resolve("build.log");
        Process maven = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        // A watchdog against a hang, not a timed assertion.
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.destroyForcibly().waitFor();
            throw new AssertionError("Maven did not finish in 10 minutes:\n" + read(output));
        }
        return new FunctionBuild(maven.exitValue(), read(output));
    }

    /** An empty directory {@code target/it/NAME}. */
    static Path freshDirectory(String name) throws IOException {
        Path directory = WORK.resolve(name);
        deleteTree(directory);
        return Files.createDirectories(directory);
    }

    /** A fresh copy of the sample project, under {@code target/it/NAME}. */
    static Path copyProject(String name) throws IOException {
        Path from = Path.of(System.getProperty("runway.it.project"));
        Path to = WORK.resolve(name);
        deleteTree(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return to;
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
