package dev.runway.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The function's task root as its zip will hold it, and as Lambda extracts it to {@code /var/task}: the function's
 * jar and its runtime dependencies in {@code lib/}. Jars in {@code lib/} are what the trained cache can hold
 * (classes outside {@code lib/} stay with the function's own class loader).
 */
public final class TaskRoot {

    private TaskRoot() {}

    /**
     * Makes {@code taskRoot/lib} hold exactly these jars (a jar of an earlier build must not stay on the class
     * path the cache is trained for).
     *
     * @param taskRoot the task root, created when missing
     * @param jars each jar's file name in {@code lib/}, and the jar
     * @throws IOException when a jar cannot be copied
     */
    public static void assemble(Path taskRoot, Map<String, Path> jars) throws IOException {
        Path lib = taskRoot.resolve("lib");
        RunwayRuntime.deleteTree(lib);
        Files.createDirectories(lib);
        for (Map.Entry<String, Path> jar : jars.entrySet()) {
            Files.copy(jar.getValue(), lib.resolve(jar.getKey()), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
