package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where the suite finds what the build made, and the few file and port helpers its tests share. */
final class Compat {

    /** The layer zip, as published. */
    static final Path LAYER_ZIP = Path.of(System.getProperty("compat.layer.zip"));
    /** The compat/ directory: each application's task root is {@code <app>/target/function}. */
    static final Path APPS = Path.of(System.getProperty("compat.apps"));
    /** The official RIC's jars and their dependencies. */
    static final Path OFFICIAL_RIC = Path.of(System.getProperty("compat.official.dir"));
    /** The agents (the OpenTelemetry Java agent). */
    static final Path AGENTS = Path.of(System.getProperty("compat.agent.dir"));
    /** This suite's scratch directory. */
    static final Path WORK = Path.of(System.getProperty("compat.work"));

    private static Path opt;

    private Compat() {}

    /** @return an application's task root: its jars in {@code lib/}, as its zip extracts */
    static Path taskRoot(String app) {
        Path root = APPS.resolve(app).resolve("target/function").toAbsolutePath().normalize();
        assertThat(root.resolve("lib")).as("built by ./mvnw package").isDirectory();
        return root;
    }

    /** @return the layer zip extracted once per test run, as Lambda extracts it to {@code /opt} */
    static synchronized Path opt() {
        if (opt == null) {
            Path dir = WORK.resolve("opt");
            deleteTree(dir);
            unzip(LAYER_ZIP, dir);
            opt = dir;
        }
        return opt;
    }

    /** Info-ZIP's unzip, as Lambda restores a zip: permissions and modification times kept. */
    static void unzip(Path zip, Path into) {
        run("unzip", "-q", "-o", zip.toString(), "-d", into.toString());
    }

    static void deleteTree(Path dir) {
        if (Files.exists(dir)) {
            run("rm", "-rf", dir.toString());
        }
    }

    static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " still runs after 5 minutes");
            }
            assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return a port free on the loopback interface now */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directory(String name) {
        try {
            return Files.createDirectories(WORK.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
