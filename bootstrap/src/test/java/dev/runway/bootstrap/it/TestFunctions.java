package dev.runway.bootstrap.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Builds task roots holding the classes of {@code dev.runway.testfunctions}, laid out as Lambda expects. */
final class TestFunctions {

    static final String PROBE = "dev.runway.testfunctions.ProbeHandler";
    static final String SLEEP = "dev.runway.testfunctions.SleepHandler";
    static final String ANNOTATED = "dev.runway.testfunctions.AnnotatedHandler";
    static final String SLF4J = "dev.runway.testfunctions.Slf4jHandler";
    static final String LOG4J2 = "dev.runway.testfunctions.Log4j2Handler";
    static final String EXIT = "dev.runway.testfunctions.ExitHandler";
    static final String CONTEXT = "dev.runway.testfunctions.ContextHandler";
    static final String SIZED = "dev.runway.testfunctions.SizedHandler";

    private static final String PACKAGE_PATH = "dev/runway/testfunctions";

    private TestFunctions() {}

    /**
     * Copies the test functions' class files into {@code taskRoot}, at its top, as in a zip without jars.
     *
     * @return {@code taskRoot}
     */
    static Path taskRoot(Path taskRoot) {
        copyTree(Distribution.testClasses().resolve(PACKAGE_PATH), taskRoot.resolve(PACKAGE_PATH));
        return taskRoot;
    }

    /**
     * A task root with the test functions and, in {@code lib/}, an older Jackson of the function's own.
     *
     * @return {@code taskRoot}
     */
    static Path taskRootWithOwnJackson(Path taskRoot) {
        taskRoot(taskRoot);
        copyTree(Distribution.userJacksonLibraries(), taskRoot.resolve("lib"));
        return taskRoot;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
