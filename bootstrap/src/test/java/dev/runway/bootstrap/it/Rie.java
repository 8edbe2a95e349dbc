package dev.runway.bootstrap.it;

import dev.runway.ric.testing.Prerequisite;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the AWS Lambda Runtime Interface Emulator binary, {@code aws-lambda-rie}, on this machine, and checks that
 * it is the version {@code .ci/lib.sh} pins (the one place that names it): what the RIE tests expect was read in
 * that version's source.
 */
final class Rie {

    private static final String NAME = "aws-lambda-rie";
    private static final String MODULE = "github.com/aws/aws-lambda-runtime-interface-emulator";
    private static final Pattern PINNED = Pattern.compile("(?m)^RUNWAY_RIE_VERSION=(\\S+)$");

    private static Path required;

    private Rie() {}

    /**
     * The RIE for a test: skips the test without one on a developer's machine, fails it under CI, as it does when
     * the binary is not the pinned version (a developer is only warned).
     */
    static synchronized Path require() {
        if (required != null) {
            return required;
        }
        String pinned = pinnedVersion();
        Optional<Path> found = find();
        Prerequisite.require(found.isPresent(), "RIE TESTS: no aws-lambda-rie binary was found (looked at $RUNWAY_RIE,"
                + " $(go env GOPATH)/bin, ~/go/bin and PATH). Install it with `go install " + MODULE
                + "/cmd/aws-lambda-rie@" + pinned + "`, or point RUNWAY_RIE at one, to run the bootstrap under the"
                + " real Runtime Interface Emulator.");
        Path rie = found.orElseThrow();
        String version = version(rie).orElse("unknown");
        if (!version.equals(pinned)) {
            String message = rie + " is RIE version " + version + ", not the pinned " + pinned + " (.ci/lib.sh)";
            if (Prerequisite.underCi()) {
                throw new AssertionError(message);
            }
            System.err.println("\n***** WARNING: " + message + ": the tests expect the pinned one *****\n");
        }
        System.out.println("RIE: " + rie + " (version " + version + ")");
        required = rie;
        return rie;
    }

    /** @return the RIE version {@code .ci/lib.sh} pins */
    static String pinnedVersion() {
        Path lib = Path.of(System.getProperty("runway.it.ciLib", "../.ci/lib.sh"));
        try {
            Matcher matcher = PINNED.matcher(Files.readString(lib));
            if (!matcher.find()) {
                throw new IllegalStateException(lib + " has no RUNWAY_RIE_VERSION= line");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the RIE pin from " + lib, e);
        }
    }

    /**
     * @return the module version the binary was built from, out of the build information Go embeds in every
     *     binary (what {@code go version -m} prints), when it has one
     */
    static Optional<String> version(Path binary) {
        try {
            String bytes = new String(Files.readAllBytes(binary), StandardCharsets.ISO_8859_1);
            int at = bytes.indexOf("\t" + MODULE + "\t");
            if (at < 0) {
                return Optional.empty();
            }
            int start = at + MODULE.length() + 2;
            int end = bytes.indexOf('\t', start);
            return end < 0 ? Optional.empty() : Optional.of(bytes.substring(start, end));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + binary, e);
        }
    }

    /**
     * @return the binary, or empty when there is none
     * @throws IllegalStateException when {@code RUNWAY_RIE} names something that is not an executable: a
     *     misconfiguration must fail, not skip the tests
     */
    private static Optional<Path> find() {
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
