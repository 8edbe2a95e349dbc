package dev.runway.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** What serves a function under the RIE: Runway's layer as deployed, or the reference, the official RIC. */
enum Runtime {

    /** The layer zip extracted as {@code /opt}; the RIE runs its {@code bootstrap}, with the layer's own JRE. */
    RUNWAY_LAYER {
        @Override
        Path bootstrap() {
            return Compat.opt().resolve("bootstrap");
        }
    },

    /**
     * The official RIC (the version in compat/pom.xml) on the full JDK running the tests, started as AWS documents
     * it for custom images, with the managed Java runtime's JVM flags; its jars first on the class path, as the
     * managed runtime's are.
     */
    OFFICIAL_RIC {
        @Override
        Path bootstrap() {
            Path script = Compat.WORK.resolve("official-bootstrap");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String body = """
                    #!/bin/sh
                    # The official RIC on the full JDK (the compatibility suite's reference).
                    exec "%s" -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \\
                        -cp "%s/*:$LAMBDA_TASK_ROOT:$LAMBDA_TASK_ROOT/lib/*" \\
                        com.amazonaws.services.lambda.runtime.api.client.AWSLambda "${1:-$_HANDLER}"
                    """.formatted(java, Compat.OFFICIAL_RIC.toAbsolutePath());
            try {
                Files.createDirectories(Compat.WORK);
                Files.writeString(script, body);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return script;
        }
    };

    /** @return the executable the RIE starts */
    abstract Path bootstrap();
}
