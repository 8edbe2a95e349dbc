package dev.runway.bootstrap.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@code bootstrap} script needs to know beside an AOT cache, shared by the distribution's own cache
 * ({@code lib/runway.aot}) and a function's trained one ({@code runway.aot} in its task root).
 */
public final class AotCacheSupport {

    private AotCacheSupport() {}

    /**
     * The lines of a Java runtime's {@code release} file that tell one runtime image from another: its exact
     * version and its modules, joined with {@code |}. The {@code bootstrap} script reads the same lines of the
     * java it found, with shell built-ins only, and uses a cache only when they are equal.
     *
     * @param javaHome the runtime's home
     * @return the identity
     * @throws IOException when its {@code release} file cannot be read
     */
    public static String jdkIdentity(Path javaHome) throws IOException {
        StringBuilder identity = new StringBuilder();
        for (String line : Files.readAllLines(javaHome.resolve("release"))) {
            if (line.startsWith("JAVA_RUNTIME_VERSION=") || line.startsWith("MODULES=")) {
                identity.append(identity.isEmpty() ? "" : "|").append(line);
            }
        }
        return identity.toString();
    }

    /**
     * The flags {@code bootstrap} adds next to a cache, each kept only if this runtime accepts it (an unknown flag
     * stops a JVM from starting):
     * <ul>
     *   <li>JDK 25 prints two warnings at every start when two cached adapters' fingerprints collide
     *       (JDK-8364929), on standard output, so in the function's log: only errors of those tags are shown;
     *   <li>the training data is not replayed: replaying compiles, during the function's init, the methods that
     *       were hot in training, which cost a POJO cold start about 15 ms of CPU and 3 MB, for nothing.
     * </ul>
     *
     * @param java the java executable the cache is for
     * @param cache the cache
     * @return the flags, in order
     * @throws IOException when the probe cannot be started
     * @throws InterruptedException when interrupted while waiting for it
     */
    public static List<String> startFlags(Path java, Path cache) throws IOException, InterruptedException {
        List<List<String>> candidates = List.of(List.of("-Xlog:aot=error,aot+codecache+stubs=error"),
                List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining"));
        List<String> accepted = new ArrayList<>();
        for (List<String> flags : candidates) {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.add("-XX:AOTCache=" + cache);
            command.addAll(flags);
            command.add("-version");
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() == 0 && !output.contains("Unrecognized") && !output.contains("Invalid")) {
                accepted.addAll(flags);
            }
        }
        return accepted;
    }
}
