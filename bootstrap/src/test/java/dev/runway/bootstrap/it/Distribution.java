package dev.runway.bootstrap.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put what the integration tests run: the Runway distribution and the functions. */
final class Distribution {

    private Distribution() {}

    /** @return {@code bootstrap/target/runway}: {@code bootstrap} and {@code lib/} */
    static Path home() {
        return directory("runway.distribution");
    }

    /** @return the {@code bootstrap} executable */
    static Path bootstrap() {
        return home().resolve("bootstrap");
    }

    /** @return the sample functions, unpacked from the zip users upload */
    static Path sampleFunction() {
        return directory("runway.it.sampleFunction");
    }

    /** @return the jars of an old Jackson, for a function that brings its own */
    static Path userJacksonLibraries() {
        return directory("runway.it.userJackson");
    }

    /** @return the version of those jars */
    static String userJacksonVersion() {
        return System.getProperty("runway.it.userJacksonVersion");
    }

    /** @return the compiled test classes, where the test functions are */
    static Path testClasses() {
        return directory("runway.it.testClasses");
    }

    private static Path directory(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the integration tests"
                    + " through Maven (./mvnw verify), which builds what they need first.");
        }
        Path path = Path.of(value);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(path + " does not exist: run ./mvnw verify, which builds it first.");
        }
        return path;
    }
}
