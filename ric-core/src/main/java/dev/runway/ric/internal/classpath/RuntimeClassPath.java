package dev.runway.ric.internal.classpath;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tells whether the JVM's class path, the function loader's parent, holds any of the function's code: the start-up
 * probes of {@link FunctionResources} may skip the parent only when it does not.
 *
 * <p>As {@code bootstrap} starts the runtime, the class path is the runtime's jars (the directory of the jar this
 * class is in, {@code lib/}), followed, with a cache trained on the function, by the function's jars, which the
 * function loader has too. Anything else (a test's class path, an application that embeds the runtime) may hold
 * function code, and then the parent is asked as usual.
 */
final class RuntimeClassPath {

    private RuntimeClassPath() {}

    /**
     * @param functionPath the function loader's own entries
     * @return whether the JVM's class path is only the runtime's jars and jars of {@code functionPath}
     */
    static boolean holdsNoFunctionCodeOfItsOwn(List<URL> functionPath) {
        Path runtimeLibrary = runtimeLibrary();
        return runtimeLibrary != null
                && holdsOnly(System.getProperty("java.class.path", ""), runtimeLibrary, functionPath);
    }

    /**
     * @param classPath a class path, entries separated by {@link File#pathSeparator}
     * @param runtimeLibrary the directory of the runtime's jars
     * @param functionPath the function loader's own entries
     * @return whether every entry is a jar of {@code runtimeLibrary} or one of {@code functionPath}
     */
    static boolean holdsOnly(String classPath, Path runtimeLibrary, List<URL> functionPath) {
        Set<Path> function = new HashSet<>();
        for (URL url : functionPath) {
            Path path = pathOf(url);
            if (path != null) {
                function.add(path);
            }
        }
        Path library = runtimeLibrary.toAbsolutePath().normalize();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            boolean runtimeJar = entry.endsWith(".jar") && library.equals(path.getParent());
            if (!runtimeJar && !function.contains(path)) {
                return false;
            }
        }
        return true;
    }

    /** @return the directory of the jar this class was loaded from, or {@code null} when it is not in a jar */
    private static Path runtimeLibrary() {
        CodeSource source = RuntimeClassPath.class.getProtectionDomain().getCodeSource();
        Path jar = source == null ? null : pathOf(source.getLocation());
        return jar == null || !jar.toString().endsWith(".jar") ? null : jar.getParent();
    }

    private static Path pathOf(URL url) {
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
