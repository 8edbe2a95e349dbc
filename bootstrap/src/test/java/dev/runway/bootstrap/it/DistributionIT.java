package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What {@code ./mvnw package} puts in {@code bootstrap/target/runway}, the runtime as it is deployed. */
class DistributionIT {

    private final Path home = Distribution.home();

    @Test
    void itIsAnExecutableBootstrapFourJarsAndTheAotCache() throws IOException {
        assertThat(Files.getPosixFilePermissions(Distribution.bootstrap()))
                .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_EXECUTE);
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            // The bootstrap script lists these names: a jar added here must be added there too. The AOT cache and
            // the identity of the JDK that made it exist when the build ran on JDK 25 or newer.
            List<String> expected = new java.util.ArrayList<>(List.of(
                    "runway-runtime.jar", "aws-lambda-java-core.jar", "jackson-annotations.jar", "runway-local.jar"));
            if (Runtime.version().feature() >= 25) {
                expected.addAll(List.of("runway.aot", "runway.aot.jdk", "runway.aot.flags"));
            }
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void theRuntimeJarHoldsJacksonOnlyUnderTheRelocatedPackage() throws IOException {
        List<String> names = entries(home.resolve("lib/runway-runtime.jar"));

        assertThat(names).contains(
                "dev/runway/bootstrap/Main.class",
                "dev/runway/ric/RuntimeInterfaceClient.class",
                "dev/runway/internal/shaded/jackson/databind/ObjectMapper.class",
                "dev/runway/internal/shaded/jackson/core/JsonFactory.class",
                "dev/runway/internal/shaded/jackson/datatype/jsr310/JavaTimeModule.class",
                "dev/runway/internal/shaded/jackson/datatype/jdk8/Jdk8Module.class");
        // Nothing under Jackson's own names, multi-release variants included: the function's Jackson is alone there.
        assertThat(names).noneMatch(name -> name.contains("com/fasterxml/"));
        assertThat(names).anyMatch(name -> name.startsWith("META-INF/versions/21/dev/runway/internal/shaded/jackson/core/"));
        // SLF4J only relocated: the function's loader asks the runtime's class path first, so an unrelocated SLF4J
        // there would take over the function's own binding (Logback, Log4j).
        assertThat(names).contains("dev/runway/internal/shaded/slf4j/Logger.class");
        assertThat(names).noneMatch(name -> name.contains("org/slf4j/"));
        assertThat(names).noneMatch(name -> name.startsWith("META-INF/services/org.slf4j"));
        // The logging API for bridges keeps its name: runway-slf4j, in the function's loader, calls it by that name.
        assertThat(names).contains("dev/runway/ric/logging/RunwayLogging.class");
        // Nor does it carry the function API, which comes once, from its own jar.
        assertThat(names).noneMatch(name -> name.startsWith("com/amazonaws/"));
        assertThat(names).noneMatch(name -> name.endsWith("module-info.class"));
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void theRuntimeJarHoldsTheWireClientOnlyRelocated() throws IOException {
        List<String> names = entries(home.resolve("lib/runway-runtime.jar"));

        // ric-core's copy under the runtime's shaded prefix, the extensions SDK's under its own: a function that
        // bundles Runway jars (runway-wire among them) meets neither.
        assertThat(names).contains(
                "dev/runway/internal/shaded/wire/internal/http/Http1Connection.class",
                "dev/runway/extensions/internal/wire/http/Http1Client.class");
        assertThat(names).noneMatch(name -> name.startsWith("dev/runway/wire/"));
        try (JarFile jar = new JarFile(home.resolve("lib/runway-runtime.jar").toFile())) {
            String client = new String(jar.getInputStream(jar.getEntry("dev/runway/ric/internal/api/RuntimeApiClient.class"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(client).contains("dev/runway/internal/shaded/wire/internal/http/Http1Connection")
                    .doesNotContain("dev/runway/wire/");
        }
    }

    @Test
    void localModeAndItsNettyAreInTheLocalJarOnlyRelocated() throws IOException {
        List<String> runtime = entries(home.resolve("lib/runway-runtime.jar"));
        List<String> local = entries(home.resolve("lib/runway-local.jar"));

        // The Lambda path's jar has nothing of local mode: Netty can neither load there nor meet a function's Netty.
        assertThat(runtime).noneMatch(name -> name.startsWith("dev/runway/bootstrap/local/"));
        assertThat(runtime).noneMatch(name -> name.contains("netty"));
        assertThat(local).contains(
                "dev/runway/bootstrap/local/LocalMode.class",
                "dev/runway/internal/shaded/netty/channel/nio/NioIoHandler.class",
                "dev/runway/internal/shaded/netty/handler/codec/http/HttpServerCodec.class");
        assertThat(local).noneMatch(name -> name.startsWith("io/netty/") || name.startsWith("META-INF/native"));
        assertThat(local).noneMatch(name -> name.startsWith("META-INF/services/"));
        // The runtime's classes come from the runtime jar only.
        assertThat(local).noneMatch(name -> name.startsWith("dev/runway/ric/") || name.equals("dev/runway/bootstrap/Main.class"));
        assertThat(local).doesNotHaveDuplicates();
    }

    @Test
    void localModeReadsJsonWithTheRuntimeJarsRelocatedJackson() throws IOException {
        String reader;
        try (ZipFile jar = new ZipFile(home.resolve("lib/runway-local.jar").toFile())) {
            ZipEntry entry = jar.getEntry("dev/runway/bootstrap/local/internal/json/Json.class");
            assertThat(entry).isNotNull();
            try (InputStream in = jar.getInputStream(entry)) {
                reader = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
        assertThat(reader).contains("dev/runway/internal/shaded/jackson/core/JsonFactory").doesNotContain("com/fasterxml/");
        assertThat(entries(home.resolve("lib/runway-runtime.jar")))
                .contains("dev/runway/internal/shaded/jackson/core/JsonFactory.class");
    }

    @Test
    void theRuntimeJarsServiceFilesNameTheRelocatedClasses() throws IOException {
        try (JarFile jar = new JarFile(home.resolve("lib/runway-runtime.jar").toFile())) {
            ZipEntry modules = jar.getEntry("META-INF/services/dev.runway.internal.shaded.jackson.databind.Module");
            assertThat(modules).isNotNull();
            assertThat(new String(jar.getInputStream(modules).readAllBytes()))
                    .contains("dev.runway.internal.shaded.jackson.datatype.jsr310.JavaTimeModule")
                    .doesNotContain("com.fasterxml");
            assertThat(jar.getEntry("META-INF/services/com.fasterxml.jackson.databind.Module")).isNull();
        }
    }

    @Test
    void theRuntimeJarIsMultiReleaseAndRunnable() throws IOException {
        try (JarFile jar = new JarFile(home.resolve("lib/runway-runtime.jar").toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Multi-Release")).isEqualTo("true");
            assertThat(manifest.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("dev.runway.bootstrap.Main");
            assertThat(jar.getEntry("META-INF/LICENSE")).isNotNull();
            assertThat(jar.getEntry("META-INF/NOTICE")).isNotNull();
        }
    }

    @Test
    void jacksonAnnotationsKeepTheirOwnPackage() throws IOException {
        assertThat(entries(home.resolve("lib/jackson-annotations.jar")))
                .contains("com/fasterxml/jackson/annotation/JsonProperty.class");
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(ZipEntry::getName).toList();
        }
    }
}
