package dev.runway.ric.internal.classpath;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds function deployments on disk: compiled classes, task-root directories, jars. */
final class FunctionFiles {

    private FunctionFiles() {}

    /**
     * Compiles sources with {@code aws-lambda-java-core} on the class path (or nothing, for sources that
     * impersonate it).
     *
     * @param out the classes directory
     * @param withCore whether the core library is on the class path
     * @param sources binary class name to source text
     */
    static void compile(Path out, boolean withCore, Map<String, String> sources) throws IOException {
        Path sourceRoot = Files.createTempDirectory(out.getParent(), "src");
        List<String> arguments = new ArrayList<>(List.of("--release", "21", "-proc:none", "-d", out.toString()));
        if (withCore) {
            arguments.addAll(List.of("-classpath", coreLibrary().toString()));
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
    }

    /** The jar (or directory) {@code aws-lambda-java-core} was loaded from. */
    static Path coreLibrary() {
        try {
            return Path.of(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the class file of a compiled class */
    static byte[] classFile(Path classes, String className) {
        try {
            return Files.readAllBytes(classes.resolve(className.replace('.', '/') + ".class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the class file of a class the test itself can load, as its loader has it */
    static byte[] classFileOf(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        try (var in = type.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    /** Copies compiled classes into a task-root style directory. */
    static void copyClasses(Path classes, Path directory, String... classNames) throws IOException {
        for (String className : classNames) {
            Path target = directory.resolve(className.replace('.', '/') + ".class");
            Files.createDirectories(target.getParent());
            Files.write(target, classFile(classes, className));
        }
    }

    /** Writes a jar; entry names map to their bytes. */
    static Path jar(Path jar, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A jar holding only {@code which.txt}, whose content names the jar. */
    static Path markerJar(Path jar) throws IOException {
        return jar(jar, Map.of("which.txt", jar.getFileName().toString().getBytes(UTF_8)));
    }

    /** @return the class entry name of a class */
    static String entry(String className) {
        return className.replace('.', '/') + ".class";
    }
}
