package dev.runway.bootstrap.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds the AWS Lambda Runtime Interface Emulator binary, {@code aws-lambda-rie}, on this machine. */
final class Rie {

    static final String INSTALL = "go install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/"
            + "aws-lambda-rie@v0.0.0-20251201070305-f9bf927dfc8a";

    static final String NOT_FOUND = "RIE TESTS SKIPPED: no aws-lambda-rie binary was found (looked at $RUNWAY_RIE,"
            + " $(go env GOPATH)/bin, ~/go/bin and PATH). Install it with `" + INSTALL + "`, or point RUNWAY_RIE at"
            + " one, to run the bootstrap under the real Runtime Interface Emulator.";

    private static final String NAME = "aws-lambda-rie";

    private Rie() {}

    /**
     * @return the binary, or empty when there is none
     * @throws IllegalStateException when {@code RUNWAY_RIE} names something that is not an executable: a
     *     misconfiguration must fail, not skip the tests
     */
    static Optional<Path> find() {
        String configured = System.getenv("RUNWAY_RIE");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalStateException("RUNWAY_RIE=" + configured + " is not an executable file");
            }
            return Optional.of(path);
        }
        return Stream.concat(
                        Stream.of(goPath(), Optional.of(Path.of(System.getProperty("user.home"), "go")))
                                .flatMap(Optional::stream)
                                .map(directory -> directory.resolve("bin")),
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                                .filter(entry -> !entry.isEmpty())
                                .map(Path::of))
                .map(directory -> directory.resolve(NAME))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }

    /** @return {@code go env GOPATH}, when go is installed */
    private static Optional<Path> goPath() {
        try {
            Process go = new ProcessBuilder("go", "env", "GOPATH").redirectErrorStream(true).start();
            if (!go.waitFor(30, TimeUnit.SECONDS)) {
                go.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(go.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            // GOPATH may list several directories; binaries go to the first one's bin.
            String first = out.split(File.pathSeparator)[0];
            return go.exitValue() == 0 && !first.isEmpty() ? Optional.of(Path.of(first)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
