package dev.runway.ric.internal.classpath;

import dev.runway.ric.internal.loop.ResponseBuffer;
import static dev.runway.ric.internal.classpath.FunctionFiles.entry;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.internal.handler.FunctionHandler;
import dev.runway.ric.internal.handler.HandlerLoadException;
import dev.runway.ric.internal.handler.HandlerLoader;
import dev.runway.ric.internal.handler.TestContext;
import java.io.OutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionClassLoaderTest {

    private static final ClassLoader RUNTIME = FunctionClassLoaderTest.class.getClassLoader();

    /** Every function class the tests deploy, compiled once. */
    @TempDir
    static Path build;

    static Path classes;

    @TempDir
    Path taskRoot;

    @TempDir
    Path layers;

    @BeforeAll
    static void compileFunctions() throws IOException {
        classes = Files.createDirectory(build.resolve("classes"));
        String handler = "package fn; public class %s implements com.amazonaws.services.lambda.runtime.RequestHandler"
                + "<String, String> { public String handleRequest(String in, com.amazonaws.services.lambda.runtime"
                + ".Context c) { return \"%s:\" + in; } }";
        FunctionFiles.compile(classes, true, Map.of(
                "fn.RootHandler", handler.formatted("RootHandler", "root"),
                "fn.LibHandler", handler.formatted("LibHandler", "lib"),
                "fn.LayerHandler", handler.formatted("LayerHandler", "layer"),
                "fn.TopLevel", handler.formatted("TopLevel", "top"),
                "fn.Boom", "package fn; public class Boom { public String handle(String e) {"
                        + " throw new IllegalStateException(\"boom\"); } }",
                "fn.Tccl", """
                        package fn;
                        import com.amazonaws.services.lambda.runtime.Context;
                        public class Tccl implements com.amazonaws.services.lambda.runtime.RequestHandler<String, String> {
                            static final ClassLoader IN_STATIC_INIT = Thread.currentThread().getContextClassLoader();
                            final ClassLoader inConstructor = Thread.currentThread().getContextClassLoader();
                            public String handleRequest(String in, Context c) {
                                ClassLoader own = Tccl.class.getClassLoader();
                                return "static=" + (IN_STATIC_INIT == own) + ",constructor=" + (inConstructor == own)
                                        + ",invocation=" + (Thread.currentThread().getContextClassLoader() == own);
                            }
                        }
                        """,
                "fn.Base", "package fn; public class Base {}",
                "fn.Sub", "package fn; public class Sub extends Base implements com.amazonaws.services.lambda.runtime"
                        + ".RequestHandler<String, String> { public String handleRequest(String in,"
                        + " com.amazonaws.services.lambda.runtime.Context c) { return in; } }"));
        // A function that bundles its own, different, copy of the core library's Context.
        FunctionFiles.compile(Files.createDirectory(build.resolve("fake-core")), false, Map.of(
                "com.amazonaws.services.lambda.runtime.Context",
                "package com.amazonaws.services.lambda.runtime; public interface Context { String bundled(); }"));
    }

    private FunctionClassLoader loader() {
        return FunctionClassLoader.create(taskRoot, layers, RUNTIME);
    }

    private static String invoke(FunctionHandler handler, String event) throws Throwable {
        ResponseBuffer response = new ResponseBuffer(1 << 16);
        handler.handle(event.getBytes(UTF_8), response, new TestContext("req-1"));
        return new String(response.array(), 0, response.size(), UTF_8);
    }

    @Test
    void classPathIsTaskRootThenSortedLibJarsThenSortedLayerJars() throws IOException {
        Path lib = taskRoot.resolve("lib");
        for (String name : List.of("b.jar", "a.jar", "B.jar", "10.jar", "9.jar", "a-1.jar")) {
            FunctionFiles.markerJar(lib.resolve(name));
        }
        FunctionFiles.markerJar(layers.resolve("z.jar"));
        FunctionFiles.markerJar(layers.resolve("m.jar"));

        List<String> path = FunctionClassLoader.classPath(taskRoot, layers).stream().map(URL::toString).toList();

        String root = url(taskRoot);
        String layerRoot = url(layers);
        assertThat(path).containsExactly(
                root,
                // Plain String order, as the managed runtime sorts: digits, upper case, then lower case.
                root + "lib/10.jar", root + "lib/9.jar", root + "lib/B.jar", root + "lib/a-1.jar",
                root + "lib/a.jar", root + "lib/b.jar",
                layerRoot + "m.jar", layerRoot + "z.jar");
    }

    @Test
    void onlyJarFilesDirectlyInLibCount() throws IOException {
        Path lib = taskRoot.resolve("lib");
        FunctionFiles.markerJar(lib.resolve("kept.jar"));
        FunctionFiles.markerJar(lib.resolve("upper.JAR"));
        FunctionFiles.markerJar(lib.resolve("nested/deeper.jar"));
        Files.createDirectories(lib.resolve("directory.jar"));
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        FunctionFiles.markerJar(taskRoot.resolve("top-level.jar"));

        assertThat(FunctionClassLoader.classPath(taskRoot, layers)).extracting(URL::toString)
                .containsExactly(url(taskRoot), url(taskRoot) + "lib/kept.jar");
    }

    @Test
    void missingLibAndLayerDirectoriesLeaveTheTaskRoot() {
        assertThat(FunctionClassLoader.classPath(taskRoot, layers.resolve("absent")))
                .extracting(URL::toString).containsExactly(url(taskRoot));
    }

    @Test
    void taskRootIsADirectoryEntryEvenBeforeItExists() {
        Path later = taskRoot.resolve("not-yet");
        assertThat(FunctionClassLoader.classPath(later, layers).get(0).toString()).endsWith("/not-yet/");
    }

    @Test
    void resourcesAreFoundInLookupOrder() throws IOException {
        Files.writeString(taskRoot.resolve("which.txt"), "task root");
        FunctionFiles.markerJar(taskRoot.resolve("lib/b.jar"));
        FunctionFiles.markerJar(taskRoot.resolve("lib/a.jar"));
        FunctionFiles.markerJar(layers.resolve("layer.jar"));

        try (FunctionClassLoader loader = loader()) {
            List<String> found = Collections.list(loader.getResources("which.txt")).stream()
                    .map(FunctionClassLoaderTest::read).toList();
            assertThat(found).containsExactly("task root", "a.jar", "b.jar", "layer.jar");
            assertThat(read(loader.getResource("which.txt"))).isEqualTo("task root");
        }
    }

    @Test
    void libJarsShadowLayerJars() throws IOException {
        FunctionFiles.jar(taskRoot.resolve("lib/function.jar"), Map.of("which.txt", "function".getBytes(UTF_8)));
        FunctionFiles.jar(layers.resolve("aaa-layer.jar"), Map.of("which.txt", "layer".getBytes(UTF_8)));
        try (FunctionClassLoader loader = loader()) {
            assertThat(read(loader.getResource("which.txt"))).isEqualTo("function");
        }
    }

    @Test
    void handlersLoadFromTheTaskRootLibJarsAndLayers() throws Throwable {
        FunctionFiles.copyClasses(classes, taskRoot, "fn.RootHandler");
        FunctionFiles.jar(taskRoot.resolve("lib/handlers.jar"),
                Map.of(entry("fn.LibHandler"), FunctionFiles.classFile(classes, "fn.LibHandler")));
        FunctionFiles.jar(layers.resolve("layer.jar"),
                Map.of(entry("fn.LayerHandler"), FunctionFiles.classFile(classes, "fn.LayerHandler")));
        try (FunctionClassLoader loader = loader()) {
            assertThat(invoke(HandlerLoader.load("fn.RootHandler", loader), "\"a\"")).isEqualTo("\"root:a\"");
            assertThat(invoke(HandlerLoader.load("fn.LibHandler", loader), "\"b\"")).isEqualTo("\"lib:b\"");
            assertThat(invoke(HandlerLoader.load("fn.LayerHandler", loader), "\"c\"")).isEqualTo("\"layer:c\"");
            assertThat(loader.loadClass("fn.RootHandler").getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void jarsAtTheTopOfTheTaskRootAreNotOnThePath() throws IOException {
        FunctionFiles.jar(taskRoot.resolve("function.jar"),
                Map.of(entry("fn.TopLevel"), FunctionFiles.classFile(classes, "fn.TopLevel")));
        try (FunctionClassLoader loader = loader()) {
            assertThatExceptionOfType(HandlerLoadException.class)
                    .isThrownBy(() -> HandlerLoader.load("fn.TopLevel", loader))
                    // The message says where it looked: the jar at the top is in neither place.
                    .withMessageStartingWith("Class not found: fn.TopLevel (searched the task root "
                            + taskRoot.toAbsolutePath() + " and the jars of " + taskRoot.resolve("lib").toAbsolutePath()
                            + " (none) and ")
                    .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.ClassNotFoundException"));
        }
    }

    @Test
    void theRuntimesCoreLibraryWinsOverTheFunctionsCopy() throws Exception {
        String context = "com.amazonaws.services.lambda.runtime.Context";
        FunctionFiles.jar(taskRoot.resolve("lib/aws-lambda-java-core-1.0.0.jar"),
                Map.of(entry(context), FunctionFiles.classFile(build.resolve("fake-core"), context)));
        try (FunctionClassLoader loader = loader()) {
            assertThat(loader.loadClass(context)).isSameAs(Context.class);
        }
    }

    @Test
    void parentFirstForTheRuntimesOwnClasses() throws Exception {
        FunctionFiles.jar(taskRoot.resolve("lib/copy.jar"), Map.of(entry(HandlerLoader.class.getName()),
                FunctionFiles.classFileOf(HandlerLoader.class)));
        try (FunctionClassLoader loader = loader()) {
            assertThat(loader.loadClass(HandlerLoader.class.getName())).isSameAs(HandlerLoader.class);
        }
    }

    @Test
    void theFunctionsLoaderIsTheContextLoaderDuringInitAndInvocation() throws Throwable {
        FunctionFiles.jar(taskRoot.resolve("lib/tccl.jar"),
                Map.of(entry("fn.Tccl"), FunctionFiles.classFile(classes, "fn.Tccl")));
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (FunctionClassLoader loader = loader()) {
            // As FunctionRuntime does: the loop thread's context loader is the function's loader.
            thread.setContextClassLoader(loader);
            FunctionHandler handler = HandlerLoader.load("fn.Tccl", loader);
            assertThat(invoke(handler, "\"x\"")).isEqualTo("\"static=true,constructor=true,invocation=true\"");
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void initSeesTheFunctionsLoaderEvenWhenTheCallerDidNotSetIt() throws Throwable {
        FunctionFiles.jar(taskRoot.resolve("lib/tccl.jar"),
                Map.of(entry("fn.Tccl"), FunctionFiles.classFile(classes, "fn.Tccl")));
        try (FunctionClassLoader loader = loader()) {
            FunctionHandler handler = HandlerLoader.load("fn.Tccl", loader);
            assertThat(Thread.currentThread().getContextClassLoader()).isNotSameAs(loader);
            assertThat(invoke(handler, "\"x\"")).isEqualTo("\"static=true,constructor=true,invocation=false\"");
        }
    }

    @Test
    void stackFramesOfTheFunctionCarryNoLoaderName() throws Throwable {
        FunctionFiles.copyClasses(classes, taskRoot, "fn.Boom");
        try (FunctionClassLoader loader = loader()) {
            FunctionHandler handler = HandlerLoader.load("fn.Boom::handle", loader);
            assertThatThrownBy(() -> invoke(handler, "\"x\""))
                    .isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getStackTrace()[0].toString()).startsWith("fn.Boom.handle("));
        }
    }

    @Test
    void aMissingSuperclassIsALoadError() throws IOException {
        FunctionFiles.copyClasses(classes, taskRoot, "fn.Sub");
        try (FunctionClassLoader loader = loader()) {
            assertThatExceptionOfType(HandlerLoadException.class)
                    .isThrownBy(() -> HandlerLoader.load("fn.Sub", loader))
                    .withMessage("Error loading class fn.Sub: fn/Base")
                    .satisfies(e -> {
                        assertThat(e.errorType()).isEqualTo("java.lang.NoClassDefFoundError");
                        assertThat(e.getCause()).isInstanceOf(NoClassDefFoundError.class);
                    });
        }
    }

    @Test
    void aClassCompiledForANewerJavaIsALoadError() throws IOException {
        byte[] future = FunctionFiles.classFile(classes, "fn.RootHandler");
        future[6] = 0;
        future[7] = 99; // class file major version 99: far beyond any JDK this runs on
        Path file = taskRoot.resolve("fn/RootHandler.class");
        Files.createDirectories(file.getParent());
        Files.write(file, future);
        try (FunctionClassLoader loader = loader()) {
            assertThatExceptionOfType(HandlerLoadException.class)
                    .isThrownBy(() -> HandlerLoader.load("fn.RootHandler", loader))
                    .withMessageStartingWith("Error loading class fn.RootHandler: ")
                    .withMessageContaining("more recent version of the Java Runtime")
                    .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.UnsupportedClassVersionError"));
        }
    }

    @Test
    void taskRootWithASpaceInItsPath() throws Throwable {
        Path spaced = Files.createDirectories(taskRoot.resolve("my function"));
        FunctionFiles.copyClasses(classes, spaced, "fn.RootHandler");
        Files.writeString(spaced.resolve("which.txt"), "spaced");
        try (FunctionClassLoader loader = FunctionClassLoader.create(spaced, layers, RUNTIME)) {
            assertThat(loader.getURLs()[0].toString()).contains("my%20function/").doesNotContain("%2520");
            assertThat(read(loader.getResource("which.txt"))).isEqualTo("spaced");
            assertThat(invoke(HandlerLoader.load("fn.RootHandler", loader), "\"s\"")).isEqualTo("\"root:s\"");
        }
    }

    @Test
    void theDefaultLayerDirectoryIsOptJavaLib() {
        assertThat(FunctionClassLoader.LAYER_LIBRARIES).isEqualTo(Path.of("/opt/java/lib"));
    }

    /** A directory as the class path shows it: a file URL ending in a slash. */
    private static String url(Path directory) {
        try {
            return directory.toUri().toURL().toString();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
