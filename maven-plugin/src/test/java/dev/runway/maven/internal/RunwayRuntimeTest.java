package dev.runway.maven.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the runtime, and unpacking a layer zip as Lambda does. The zips are made by Info-ZIP's {@code zip}, as
 * base-image makes the layer's, which the build needs anyway.
 */
class RunwayRuntimeTest {

    private static final FileTime BUILD_TIME = FileTime.from(Instant.parse("2026-11-21T00:00:00Z"));

    @TempDir
    Path temp;

    @Test
    void aLayerZipIsUnpackedWithItsModesLinksAndTimes() throws Exception {
        Path layer = layerAt(temp.resolve("layer"));
        Files.createSymbolicLink(layer.resolve("runway/jre/legal/LICENSE"), Path.of("../LICENSE"));
        Path zip = zip(layer, temp.resolve("runway-layer.zip"));

        RunwayRuntime runtime = RunwayRuntime.at(zip, temp.resolve("work"));

        Path home = temp.resolve("work/layer");
        assertThat(runtime).isEqualTo(new RunwayRuntime(home, home.resolve("runway/bootstrap"), true));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("runway/jre/bin/java"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("runway/lib/runway-runtime.jar"))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readSymbolicLink(home.resolve("runway/jre/legal/LICENSE"))).isEqualTo(Path.of("../LICENSE"));
        assertThat(Files.getLastModifiedTime(home.resolve("runway/lib/runway-runtime.jar"))).isEqualTo(BUILD_TIME);
    }

    @Test
    void aSecondUnpackingReplacesTheFirst() throws Exception {
        Path zip = zip(layerAt(temp.resolve("layer")), temp.resolve("runway-layer.zip"));
        RunwayRuntime.at(zip, temp.resolve("work"));
        Files.writeString(temp.resolve("work/layer/runway/lib/stale.jar"), "from before");

        RunwayRuntime.at(zip, temp.resolve("work"));

        assertThat(temp.resolve("work/layer/runway/lib/stale.jar")).doesNotExist();
    }

    @Test
    void aLayerDirectoryAndADistributionDirectoryAreTakenWhereTheyAre() throws Exception {
        Path layer = layerAt(temp.resolve("layer"));
        Path distribution = layer.resolve("runway");

        assertThat(RunwayRuntime.at(layer, temp)).isEqualTo(new RunwayRuntime(layer, distribution.resolve("bootstrap"), true));
        assertThat(RunwayRuntime.at(distribution, temp))
                .isEqualTo(new RunwayRuntime(distribution, distribution.resolve("bootstrap"), false));
    }

    @Test
    void nothingOrSomethingElseIsATypedError() throws IOException {
        assertThatThrownBy(() -> RunwayRuntime.at(null, temp)).isInstanceOf(NoRuntimeException.class)
                .hasMessageStartingWith("No Runway runtime configured: set <runtime> to the layer zip");
        assertThatThrownBy(() -> RunwayRuntime.at(temp.resolve("missing.zip"), temp)).isInstanceOf(NoRuntimeException.class)
                .hasMessageStartingWith("No Runway runtime at " + temp.resolve("missing.zip"));
        Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> RunwayRuntime.at(temp.resolve("empty"), temp)).isInstanceOf(NoRuntimeException.class)
                .hasMessageContaining("is no Runway runtime: neither a layer");
    }

    @Test
    void anEntryOutsideTheArchiveIsRefused() throws Exception {
        Path inside = Files.createDirectories(temp.resolve("a/b"));
        Files.writeString(temp.resolve("a/evil"), "x");
        // zip stores the name as given on its command line: ../evil, relative to a/b.
        run(inside, "zip", "-q", temp.resolve("evil.zip").toString(), "../evil");

        assertThatThrownBy(() -> RunwayRuntime.unzip(temp.resolve("evil.zip"), temp.resolve("out")))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the archive's root");
        assertThat(temp.resolve("evil")).doesNotExist();
    }

    @Test
    void theTaskRootsLibHoldsExactlyTheGivenJars() throws IOException {
        Path taskRoot = temp.resolve("function");
        Files.createDirectories(taskRoot.resolve("lib"));
        Files.writeString(taskRoot.resolve("lib/old-1.0.jar"), "an earlier build's");
        Path jar = Files.writeString(temp.resolve("hello-2.0.jar"), "jar");

        TaskRoot.assemble(taskRoot, Map.of("hello-2.0.jar", jar));

        try (var files = Files.list(taskRoot.resolve("lib"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("hello-2.0.jar");
        }
    }

    /** The layer's shape: bootstrap, runway/bootstrap, runway/lib/runway-runtime.jar, runway/jre/bin/java. */
    private static Path layerAt(Path layer) throws IOException {
        for (String file : new String[] {"bootstrap", "runway/bootstrap", "runway/jre/bin/java"}) {
            Files.createDirectories(layer.resolve(file).getParent());
            Files.writeString(layer.resolve(file), "#!/bin/sh\n");
            Files.setPosixFilePermissions(layer.resolve(file), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(layer.resolve("runway/lib"));
        Files.createDirectories(layer.resolve("runway/jre/legal"));
        Files.writeString(layer.resolve("runway/jre/LICENSE"), "licence");
        Path jar = Files.writeString(layer.resolve("runway/lib/runway-runtime.jar"), "jar");
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setLastModifiedTime(jar, BUILD_TIME);
        return layer;
    }

    /** {@code zip -y -r}: links stored as links, modes and times kept, as base-image zips the layer. */
    private static Path zip(Path directory, Path zip) throws Exception {
        run(directory, "zip", "-q", "-y", "-r", zip.toString(), ".");
        return zip;
    }

    private static void run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
