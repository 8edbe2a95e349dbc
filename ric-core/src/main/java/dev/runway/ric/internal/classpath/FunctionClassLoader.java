package dev.runway.ric.internal.classpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The class loader of the function's code, with the managed Java runtime's class path, in this order:
 * <ol>
 *   <li>the task root directory itself (class files deployed at the top of the zip),
 *   <li>{@code <task root>/lib/*.jar}, sorted by name,
 *   <li>{@code /opt/java/lib/*.jar} (layers), sorted by name.
 * </ol>
 * Sorting makes the order independent of the file system. Jars at the top of the task root are not on the path,
 * as on Lambda. The parent is the runtime's class loader, asked first, so the runtime's
 * {@code aws-lambda-java-core} is the one every function sees.
 */
public final class FunctionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** Where layers put jars for Java functions. */
    public static final Path LAYER_LIBRARIES = Path.of("/opt/java/lib");

    private final Path taskRoot;
    private final Path layerLibraries;
    private final boolean parentHoldsNoFunctionCode;

    private FunctionClassLoader(URL[] urls, ClassLoader parent, Path taskRoot, Path layerLibraries,
            boolean parentHoldsNoFunctionCode) {
        // Unnamed on purpose: a named loader prefixes every frame of the function's stack traces with its name
        // ("function//pkg.Handler.handle(Handler.java:12)"), which the managed runtime's traces do not have.
        super(urls, parent);
        this.taskRoot = taskRoot;
        this.layerLibraries = layerLibraries;
        this.parentHoldsNoFunctionCode = parentHoldsNoFunctionCode;
    }

    /**
     * @return whether the parent's class path is only the runtime's jars and jars this loader has too, as when
     *     {@code bootstrap} starts the runtime: what the function brings is then all in this loader's own entries
     */
    boolean parentHoldsNoFunctionCode() {
        return parentHoldsNoFunctionCode;
    }

    /**
     * Where this loader looks, in words, for the message of a class it could not find: a developer's first
     * question is whether the task root was the directory they meant and whether their jar was in it.
     *
     * @return such as {@code the task root /var/task and the jars of /var/task/lib (app.jar) and /opt/java/lib (none)}
     */
    public String searched() {
        return "the task root " + taskRoot.toAbsolutePath() + " and the jars of "
                + jarsOf(taskRoot.resolve("lib")) + " and " + jarsOf(layerLibraries);
    }

    private static String jarsOf(Path directory) {
        List<URL> jars = sortedJars(directory);
        List<String> names = new ArrayList<>();
        for (URL jar : jars) {
            String path = jar.getPath();
            names.add(path.substring(path.lastIndexOf('/') + 1));
            if (names.size() == 10 && jars.size() > 10) {
                names.add("and " + (jars.size() - 10) + " more");
                break;
            }
        }
        return directory.toAbsolutePath() + " (" + (names.isEmpty() ? "none" : String.join(", ", names)) + ")";
    }

    /**
     * Builds the loader for a task root, with layer jars from {@link #LAYER_LIBRARIES}.
     *
     * @param taskRoot the function's directory ({@code /var/task} on Lambda)
     * @return the loader
     */
    public static FunctionClassLoader create(Path taskRoot) {
        List<URL> classPath = classPath(taskRoot, LAYER_LIBRARIES);
        return new FunctionClassLoader(classPath.toArray(new URL[0]), ClassLoader.getSystemClassLoader(), taskRoot,
                LAYER_LIBRARIES, RuntimeClassPath.holdsNoFunctionCodeOfItsOwn(classPath));
    }

    /**
     * Builds the loader.
     *
     * @param taskRoot the function's directory
     * @param layerLibraries the layers' jar directory
     * @param parent the runtime's class loader
     * @return the loader
     */
    public static FunctionClassLoader create(Path taskRoot, Path layerLibraries, ClassLoader parent) {
        return create(taskRoot, layerLibraries, parent, false);
    }

    /**
     * Builds the loader, saying whether its parent holds any function code (tests of the probes' short cut).
     *
     * @param parentHoldsNoFunctionCode see {@link #parentHoldsNoFunctionCode()}
     */
    static FunctionClassLoader create(Path taskRoot, Path layerLibraries, ClassLoader parent,
            boolean parentHoldsNoFunctionCode) {
        return new FunctionClassLoader(classPath(taskRoot, layerLibraries).toArray(new URL[0]), parent, taskRoot,
                layerLibraries, parentHoldsNoFunctionCode);
    }

    /** @return the class path, in lookup order */
    static List<URL> classPath(Path taskRoot, Path layerLibraries) {
        List<URL> urls = new ArrayList<>();
        urls.add(directoryUrl(taskRoot));
        urls.addAll(sortedJars(taskRoot.resolve("lib")));
        urls.addAll(sortedJars(layerLibraries));
        return urls;
    }

    /**
     * The {@code .jar} files of a directory (not its subdirectories), in plain {@link String} order of their names,
     * as the managed runtime sorts them: case-sensitive, upper case before lower case, {@code 10.jar} before
     * {@code 9.jar}. A name ending in {@code .JAR} does not count, there either.
     *
     * <p>Plain loops, no streams or lambdas: this runs on every cold start, where each first lambda costs the
     * JVM a generated class.
     */
    private static List<URL> sortedJars(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jar") && Files.isRegularFile(file)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        Collections.sort(names);
        List<URL> urls = new ArrayList<>(names.size());
        for (String name : names) {
            urls.add(toUrl(directory.resolve(name)));
        }
        return urls;
    }

    /**
     * The URL of a directory entry. {@link URLClassLoader} reads an entry as a directory only when its URL ends
     * with {@code /}, and {@link Path#toUri()} adds that slash only when the directory exists at that moment.
     */
    private static URL directoryUrl(Path directory) {
        String uri = directory.toAbsolutePath().toUri().toString(); // already percent-encoded
        try {
            return URI.create(uri.endsWith("/") ? uri : uri + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable class path entry: " + directory, e);
        }
    }

    private static URL toUrl(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a usable class path entry: " + path, e);
        }
    }
}
