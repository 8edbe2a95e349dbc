package dev.runway.ric.internal.classpath;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeClassPathTest {

    private static final Path LIB = Path.of("/opt/runway/lib");
    private static final String RUNTIME = String.join(File.pathSeparator, "/opt/runway/lib/runway-runtime.jar",
            "/opt/runway/lib/aws-lambda-java-core.jar", "/opt/runway/lib/jackson-annotations.jar");

    @Test
    void theRuntimesJarsAloneHoldNoFunctionCode() throws Exception {
        assertThat(RuntimeClassPath.holdsOnly(RUNTIME, LIB, functionPath("/var/task/", "/var/task/lib/app.jar")))
                .isTrue();
    }

    @Test
    void aTrainedClassPathHoldsTheFunctionsJarsWhichItsLoaderHasToo() throws Exception {
        String trained = RUNTIME + File.pathSeparator + "/var/task/lib/app.jar" + File.pathSeparator
                + "/var/task/lib/../lib/dep.jar";
        assertThat(RuntimeClassPath.holdsOnly(trained, LIB,
                functionPath("/var/task/", "/var/task/lib/app.jar", "/var/task/lib/dep.jar"))).isTrue();
    }

    @Test
    void anyOtherEntryMayHoldFunctionCode() throws Exception {
        List<URL> function = functionPath("/var/task/", "/var/task/lib/app.jar");
        assertThat(RuntimeClassPath.holdsOnly(RUNTIME + File.pathSeparator + "/opt/otel/agent.jar", LIB, function))
                .isFalse();
        assertThat(RuntimeClassPath.holdsOnly(RUNTIME + File.pathSeparator + "/opt/runway/lib/classes", LIB,
                function)).as("a directory beside the runtime's jars is not one of them").isFalse();
        assertThat(RuntimeClassPath.holdsOnly("/home/dev/project/target/test-classes", LIB, function)).isFalse();
    }

    @Test
    void emptyEntriesAreNone() throws Exception {
        assertThat(RuntimeClassPath.holdsOnly(File.pathSeparator + RUNTIME + File.pathSeparator, LIB,
                functionPath("/var/task/"))).isTrue();
    }

    @Test
    void thisTestsClassPathIsNotTheRuntimes() {
        // Classes from target/classes, not from a jar of the runtime's lib/: the probes ask the parent.
        assertThat(RuntimeClassPath.holdsNoFunctionCodeOfItsOwn(List.of())).isFalse();
    }

    private static List<URL> functionPath(String... paths) throws MalformedURLException {
        URL[] urls = new URL[paths.length];
        for (int i = 0; i < paths.length; i++) {
            urls[i] = Path.of(paths[i]).toUri().toURL();
        }
        return List.of(urls);
    }
}
