package dev.runway.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
     * it for custom images, with the managed Java runtime's JVM flags and its {@code AWS_LAMBDA_EXEC_WRAPPER}; its
     * jars first on the class path, as the managed runtime's are.
     */
    OFFICIAL_RIC {
        @Override
        Path bootstrap() {
            Path script = Compat.WORK.resolve("official-bootstrap");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String body = """
                    #!/bin/sh
                    # The official RIC on the full JDK (the compatibility suite's reference). Like the managed
                    # runtime, it starts through AWS_LAMBDA_EXEC_WRAPPER when one is set.
                    exec ${AWS_LAMBDA_EXEC_WRAPPER:+"$AWS_LAMBDA_EXEC_WRAPPER"} "%s" -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \\
                        -D%s=%s \\
                        -cp "%s/*:$LAMBDA_TASK_ROOT:$LAMBDA_TASK_ROOT/lib/*" \\
                        com.amazonaws.services.lambda.runtime.api.client.AWSLambda "${1:-$_HANDLER}"
                    """.formatted(java, JNI_PROPERTY, nativeClient(), Compat.OFFICIAL_RIC.toAbsolutePath());
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

    /** The official RIC's own property: the path of its JNI library, loaded as is instead of extracted. */
    private static final String JNI_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /**
     * The official RIC's JNI library, taken out of its jar once into this suite's directory. Left to itself the RIC
     * extracts it to the fixed {@code /tmp/.libaws-lambda-jni.so} at every start: private to a sandbox on Lambda,
     * but on a shared machine another process starting the RIC at the same moment rewrites the file under it, and
     * its start fails (seen here).
     */
    private static synchronized String nativeClient() {
        Path library = Compat.WORK.resolve("official-ric-jni.so").toAbsolutePath();
        if (Files.exists(library)) {
            return library.toString();
        }
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch_64" : "x86_64";
        try (Stream<Path> jars = Files.list(Compat.OFFICIAL_RIC)) {
            Path jar = jars.filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                    .findFirst().orElseThrow();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry("jni/libaws-lambda-jni.linux-" + arch + ".so");
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, library);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return library.toString();
    }
}
