package dev.runway.ric.internal.classpath;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionResourcesTest {

    private static final String SERVICE = "META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer";

    @TempDir
    Path taskRoot;

    @TempDir
    Path elsewhere;

    @Test
    void withARuntimeOnlyParentOnlyTheFunctionsOwnEntriesAreAsked() throws Exception {
        FunctionFiles.jar(taskRoot.resolve("lib/app.jar"), Map.of(SERVICE, "fn.Serializer".getBytes(UTF_8)));
        try (URLClassLoader parent = parentWith("parent-only.txt");
                FunctionClassLoader loader = FunctionClassLoader.create(taskRoot, elsewhere.resolve("none"), parent, true)) {
            assertThat(FunctionResources.has(loader, SERVICE)).isTrue();
            assertThat(FunctionResources.has(loader, "parent-only.txt")).isFalse();
            assertThat(loader.getResource("parent-only.txt")).as("the loader itself still delegates").isNotNull();
        }
    }

    @Test
    void aParentThatMayHoldFunctionCodeIsAskedFirstAsUsual() throws Exception {
        try (URLClassLoader parent = parentWith("parent-only.txt");
                FunctionClassLoader loader = FunctionClassLoader.create(taskRoot, elsewhere.resolve("none"), parent, false)) {
            assertThat(FunctionResources.has(loader, "parent-only.txt")).isTrue();
            assertThat(FunctionResources.has(loader, SERVICE)).isFalse();
        }
    }

    @Test
    void anyOtherLoaderIsAskedAsUsual() throws Exception {
        try (URLClassLoader other = parentWith("parent-only.txt")) {
            assertThat(FunctionResources.has(other, "parent-only.txt")).isTrue();
            assertThat(FunctionResources.has(other, SERVICE)).isFalse();
        }
    }

    private URLClassLoader parentWith(String resource) throws Exception {
        Path jar = FunctionFiles.jar(elsewhere.resolve("parent.jar"), Map.of(resource, new byte[] {1}));
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }
}
