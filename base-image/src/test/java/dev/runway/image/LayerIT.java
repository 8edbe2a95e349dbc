package dev.runway.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zip layer as Lambda uses it, without containers: its layout and budget, then extracted into a directory
 * standing for {@code /opt} (by {@code unzip}, which restores modes and times as Lambda's extraction does) and its
 * {@code bootstrap} run, with the shipped JRE and AOT cache, against the fake Runtime API on the sample function
 * zip, unchanged.
 */
class LayerIT {

    /**
     * The layer's budget, in decimal megabytes: Lambda takes a zip of up to 50 MB uploaded directly; 3 MB stay
     * free under that for the JRE's growth between JDK updates.
     */
    private static final long MAX_ZIPPED = 47_000_000L;

    private static final Path ZIP = Path.of(System.getProperty("runway.layer.zip"));
    private static final Path FUNCTION_ZIP = Path.of(System.getProperty("runway.it.functionZip"));
    private static final Instant FIXED_TIME = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void layout_size_modes_and_times() throws IOException {
        assertThat(Files.size(ZIP)).isLessThanOrEqualTo(MAX_ZIPPED);
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
                // Every entry carries the build's fixed time (what the AOT training saw).
                assertThat(entry.getLastModifiedTime().toInstant()).as(entry.getName()).isEqualTo(FIXED_TIME);
            }
            assertThat(names).contains("bootstrap", "runway/bootstrap", "runway/jre/bin/java", "runway/jre/release",
                    "runway/jre/lib/modules", "runway/jre/lib/server/libjvm.so", "runway/lib/runway-runtime.jar",
                    "runway/lib/aws-lambda-java-core.jar", "runway/lib/jackson-annotations.jar",
                    "runway/lib/runway.aot", "runway/lib/runway.aot.jdk", "runway/lib/runway.aot.flags");
            // Local mode's platform is no part of the layer (Lambda never runs it).
            assertThat(names).noneMatch(name -> name.endsWith("runway-local.jar"));
            // Nothing at /opt/lib or /opt/bin, which Lambda puts on LD_LIBRARY_PATH and PATH.
            assertThat(names).noneMatch(name -> name.startsWith("lib/") || name.startsWith("bin/"));
        }
    }

    @Test
    void a_sample_function_zip_runs_on_the_extracted_layer_with_its_aot_cache(@TempDir Path tmp) throws Exception {
        Path opt = tmp.resolve("opt");
        Path task = tmp.resolve("task");
        unzip(ZIP, opt);
        unzip(FUNCTION_ZIP, task);
        assertThat(Files.getPosixFilePermissions(opt.resolve("bootstrap"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.getLastModifiedTime(opt.resolve("runway/lib/runway-runtime.jar")))
                .isEqualTo(FileTime.from(FIXED_TIME));
        // The cache names the release of the shipped JRE, so bootstrap will use it.
        String release = Files.readString(opt.resolve("runway/jre/release"));
        String identity = Files.readString(opt.resolve("runway/lib/runway.aot.jdk")).strip();
        for (String part : identity.split("\\|")) {
            assertThat(release).contains(part);
        }

        try (FakeRuntimeApi api = FakeRuntimeApi.start()) {
            ProcessBuilder builder = new ProcessBuilder(opt.resolve("bootstrap").toString())
                    .directory(task.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("runtime.log").toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("RUNWAY_") || key.equals("JAVA_HOME")
                    || key.equals("JAVA_TOOL_OPTIONS"));
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("LAMBDA_TASK_ROOT", task.toString());
            env.put("_HANDLER", "dev.runway.samples.hello.HelloHandler::handleRequest");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
            // AOTMode=on: the JVM refuses to start unless the cache is usable with this JRE and these jars.
            env.put("RUNWAY_JAVA_OPTIONS", "-XX:AOTMode=on -Xlog:class+load=info:file=" + tmp.resolve("classes.log"));
            env.put("PATH", "/usr/bin:/bin");
            Process runtime = builder.start();
            try {
                api.enqueue("{\"name\":\"layer\"}");
                RecordedPost post = api.takePost(Duration.ofSeconds(60));
                assertThat(post).as(() -> log(tmp)).isNotNull();
                assertThat(post.kind()).as(() -> log(tmp)).isEqualTo(RecordedPost.Kind.RESPONSE);
                assertThat(post.bodyText()).contains("Hello, layer!");
            } finally {
                runtime.destroy();
                runtime.waitFor(10, TimeUnit.SECONDS);
                runtime.destroyForcibly();
            }
        }
        // The runtime's own classes came from the cache, and the JVM was the shipped one.
        String classes = Files.readString(tmp.resolve("classes.log"));
        assertThat(classes).containsPattern("dev\\.runway\\.bootstrap\\.Main source: shared objects file");
    }

    private static String log(Path tmp) {
        try {
            return Files.readString(tmp.resolve("runtime.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Info-ZIP's unzip, as Lambda restores a zip: permissions and modification times kept. */
    static void unzip(Path zip, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Process unzip = new ProcessBuilder("unzip", "-q", "-o", zip.toString(), "-d", into.toString())
                .inheritIO().start();
        assertThat(unzip.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(unzip.exitValue()).isZero();
    }
}
