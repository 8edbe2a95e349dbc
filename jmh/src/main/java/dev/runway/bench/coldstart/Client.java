package dev.runway.bench.coldstart;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three clients the harness races, each started the way it is meant to be started. All get the same JVM, the
 * same JVM flags, the same environment and the task root as working directory; they differ only in class path,
 * main class, and where they look for the function.
 */
enum Client {

    /**
     * Runway with the common flags only and no start-up archive of its own: its runtime jars on the class path,
     * the function found through {@code LAMBDA_TASK_ROOT}.
     */
    RUNWAY("runway-plain", Client.RUNWAY_MAIN),

    /**
     * The official RIC, as AWS documents it for custom images ({@code java -cp './*' ...AWSLambda handler}): it
     * loads the function from {@code user.dir} and {@code user.dir/lib/*.jar}, hence the working directory.
     */
    OFFICIAL("official", "com.amazonaws.services.lambda.runtime.api.client.AWSLambda"),

    /** The floor: one class, the function straight on the application class path. */
    FLOOR("floor", "dev.runway.bench.floor.FloorClient"),

    /**
     * Runway as it ships: the distribution carries a JDK 25 AOT cache (JEP 483/514) of its own class path, trained
     * at build time on a sample function, and its {@code bootstrap} passes it to the JVM. The harness trains the
     * same kind of cache on a function that is not benchmarked ({@link dev.runway.bench.training.OrderHandler}).
     * Its flags are the common ones with {@code -Xshare:*} replaced by the cache, which is required
     * ({@code -XX:AOTMode=on}) so that a cache the JVM cannot use fails the run instead of silently not counting.
     */
    RUNWAY_AOT("runway", Client.RUNWAY_MAIN),

    /**
     * Runway with a cache trained on the benchmarked function itself, as {@code bootstrap --train} makes one: the
     * function's jars on the JVM's class path after the runtime's (so its own classes are cached too), one
     * invocation of the workload's event in training, the cache required ({@code -XX:AOTMode=on}).
     */
    RUNWAY_TRAINED("runway-trained", Client.RUNWAY_MAIN),

    /**
     * An experiment beside {@link #RUNWAY_TRAINED}, never run by default: the same trained cache set-up, but its
     * runtime jars from {@code --variant-runway} (another build of the distribution) and {@code --variant-flags}
     * added in its training and its runs, so that a change to the start path is measured before and after in one
     * run. Its own task root and cache.
     */
    RUNWAY_VARIANT("runway-variant", Client.RUNWAY_MAIN),

    /**
     * Another Runway distribution, given with {@code --baseline} (such as main's, before a change), started as
     * {@link #RUNWAY}: the common flags, no archive. Racing it beside {@code runway-plain} puts before and after
     * in one run, on the same machine load.
     */
    RUNWAY_BASELINE("runway-baseline", Client.RUNWAY_MAIN);

    /**
     * What every Runway client starts, as the {@code bootstrap} script does: the runtime with the bootstrap's hooks
     * (internal extensions, the registration that buys a SIGTERM), not ric-core's bare entry point, so the figures
     * are those of a start on Lambda. Until 2026-12-07 (evening) the harness started the bare
     * {@code dev.runway.ric.RuntimeInterfaceClient}.
     */
    private static final String RUNWAY_MAIN = "dev.runway.bootstrap.Main";

    private final String label;
    private final String mainClass;

    Client(String label, String mainClass) {
        this.label = label;
        this.mainClass = mainClass;
    }

    /** @return the name used in options and reports */
    String label() {
        return label;
    }

    String mainClass() {
        return mainClass;
    }

    /**
     * The class path. Jar directories are given as {@code dir/*}, which the {@code java} launcher expands, as in
     * AWS's documented command line.
     *
     * @param layout where the jars and the extracted classes are
     * @param workload the function
     * @return the {@code -cp} value
     */
    String classPath(Layout layout, Workload workload) {
        return switch (this) {
            case RUNWAY, RUNWAY_AOT -> runtimeClassPath(layout.runwayJars());
            case RUNWAY_BASELINE -> runtimeClassPath(layout.baselineJars());
            case RUNWAY_TRAINED, RUNWAY_VARIANT -> {
                List<String> entries = new ArrayList<>();
                entries.add(runtimeClassPath(this == RUNWAY_VARIANT ? layout.variantJars() : layout.runwayJars()));
                for (Path jar : Layout.jars(layout.taskRoot(this, workload).resolve("lib"))) {
                    entries.add(jar.toString());
                }
                yield String.join(File.pathSeparator, entries);
            }
            case OFFICIAL -> layout.officialJars() + File.separator + "*";
            case FLOOR -> String.join(File.pathSeparator, List.of(
                    layout.floorClasses().toString(),
                    layout.taskRoot().toString(),
                    layout.floorJars() + File.separator + "*"));
        };
    }

    /**
     * Runway's class path as its {@code bootstrap} gives it: the distribution's jars named one by one (the runtime
     * with Jackson and SLF4J relocated, so a function's own SLF4J binding or Jackson is its own business).
     */
    private static String runtimeClassPath(Path lib) {
        return String.join(File.pathSeparator, lib.resolve("runway-runtime.jar").toString(),
                lib.resolve("aws-lambda-java-core.jar").toString(),
                lib.resolve("jackson-annotations.jar").toString());
    }

    /**
     * The JVM flags: the common ones, except for {@link #RUNWAY_AOT}.
     *
     * @param common the flags every client gets
     * @param layout where the AOT caches are
     * @param workload the function
     * @return the flags of this client
     */
    List<String> jvmFlags(List<String> common, Layout layout, Workload workload) {
        if (this != RUNWAY_AOT && !isTrained()) {
            return common;
        }
        List<String> flags = new ArrayList<>(withoutSharing(common));
        flags.add("-XX:AOTMode=on");
        flags.add("-XX:AOTCache=" + (this == RUNWAY_AOT ? layout.aotCache() : layout.trainedCache(this, workload)));
        // As bootstrap: without JDK-8364929's warnings, and without replaying the cache's training data.
        flags.add("-Xlog:aot=error,aot+codecache+stubs=error");
        flags.add("-XX:+UnlockDiagnosticVMOptions");
        flags.add("-XX:-AOTReplayTraining");
        return flags;
    }

    /** @return whether this client runs with a cache trained on the benchmarked function */
    boolean isTrained() {
        return this == RUNWAY_TRAINED || this == RUNWAY_VARIANT;
    }

    /** The flags without {@code -Xshare:*}, which the JVM refuses next to an AOT cache option. */
    static List<String> withoutSharing(List<String> flags) {
        return flags.stream().filter(f -> !f.startsWith("-Xshare:")).toList();
    }

    /**
     * @param label a name from the options
     * @return the client
     */
    static Client byLabel(String label) {
        for (Client c : values()) {
            if (c.label.equalsIgnoreCase(label.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown client '" + label + "'; expected runway, runway-trained, runway-plain, runway-baseline,"
                        + " official, floor or runway-variant");
    }
}
