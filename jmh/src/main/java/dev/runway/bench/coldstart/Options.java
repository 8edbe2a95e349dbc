package dev.runway.bench.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command-line options.
 *
 * @param starts fresh processes per client and handler for the cold-start figures
 * @param warmup invocations before the warm measurement starts, in the one warm process
 * @param invocations invocations measured in the warm process
 * @param clients the clients to run, in order
 * @param workloads the handlers to run, in order
 * @param java the {@code java} executable every client runs on
 * @param jvmFlags the JVM flags every client gets
 * @param trainedFlags flags added last to the {@code runway-trained} client's, for experiments on its cache
 * @param variantFlags flags added last to the {@code runway-variant} client's, in its training and its runs
 * @param jars the directory with the clients' jar directories
 * @param work the work directory (task root, floor classes, logs, results)
 * @param runway the distribution's {@code lib/}, whose jars the Runway clients run
 * @param variantRunway the {@code lib/} whose jars the {@code runway-variant} client runs
 * @param baseline another distribution's {@code lib/}, which the {@code runway-baseline} client runs, or {@code null}
 * @param springFunction the Spring Cloud Function application, as built: {@code lib/*.jar}
 * @param timeoutMs how long one process may take to its first response
 * @param warmCpu the CPU the harness and each warm client are pinned to ({@code auto}: the highest available),
 *     or {@code null} for no pinning; see {@link CpuPinning}
 * @param inspect a command run on each cold-started process after its first response and before it is killed,
 *     with {@code {pid}} replaced by its pid, such as {@code jcmd {pid} PerfCounter.print}; or {@code null}
 */
record Options(
        int starts,
        int warmup,
        int invocations,
        List<Client> clients,
        List<Workload> workloads,
        Path java,
        List<String> jvmFlags,
        List<String> trainedFlags,
        List<String> variantFlags,
        Path jars,
        Path work,
        Path runway,
        Path variantRunway,
        Path baseline,
        Path springFunction,
        long timeoutMs,
        String warmCpu,
        String inspect) {

    /**
     * The flags of a 512 MB function, as the managed Java runtime sets them (Serial GC, C1 only, class-data
     * sharing, heap at 85% of the memory size), plus {@code MaxRAM}: on Lambda the JVM sees the function's memory
     * as the machine's, which makes the initial heap 8 MB; on a large host it would be 1/64 of the host, and
     * peak RSS would then measure how much of a huge young generation each client touches.
     */
    static final List<String> LAMBDA_512_FLAGS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-XX:MaxHeapSize=445645k", "-XX:MaxRAM=512m");

    static final String USAGE = """
            Usage: java -cp jmh/target/benchmarks.jar dev.runway.bench.coldstart.ColdStartHarness [options]
              --starts N          fresh starts per client and handler (default 11; the issue asks for at least 10;
                                  0 skips the cold starts)
              --warmup N          warm-up invocations in the warm process (default 5000)
              --invocations N     measured warm invocations (default 20000; 0 skips the warm processes)
              --clients LIST      comma-separated: runway,runway-trained,runway-plain,official,floor (default all;
                                  runway is Runway as shipped, with its AOT cache; runway-trained has one trained
                                  on the benchmarked function, as bootstrap --train makes; runway-plain has none)
              --handlers LIST     comma-separated: pojo,stream,spring (default pojo,stream; spring needs
                                  ./mvnw -B -q -pl compat/spring-cloud-function -am package -DskipTests first)
              --trained-flags "..." flags added last to runway-trained's (e.g. -XX:+AOTReplayTraining)
              --variant-flags "..." flags added last to runway-variant's, in its training and its runs; the
                                  runway-variant client (not run by default) is runway-trained with these flags
                                  and the jars of --variant-runway: a before/after experiment in one run
              --variant-runway DIR  the lib/ runway-variant runs (default: that of --runway)
              --runway DIR        the distribution's lib/ the Runway clients run (default bootstrap/target/runway/lib)
              --baseline DIR      another distribution's lib/ (such as main's, built with -Drunway.aot.skip in a
                                  second worktree), run as client runway-baseline beside runway-plain: before and
                                  after a change in one run; added to the default clients
              --spring DIR        the Spring application's function directory, with lib/*.jar (default
                                  compat/spring-cloud-function/target/function)
              --java PATH         java executable (default $JAVA_HOME/bin/java, else this JVM's)
              --jvm-flags "..."   replaces the JVM flags (default: %s)
              --add-flags "..."   appends JVM flags to every client, e.g. for -Xlog:class+load
              --jars DIR          directory with official/, floor/ (default jmh/target/coldstart)
              --work DIR          work directory (default jmh/target/coldstart-run)
              --timeout-s N       seconds one process may take to its first response (default 60)
              --inspect "CMD"     after each cold start's first response, run CMD with {pid} replaced (e.g.
                                  "jcmd {pid} PerfCounter.print"); output to <work>/logs/*-inspect.txt
              --warm-cpu N|none   CPU the harness and each warm client share (default auto: the highest
                                  available); none leaves placement to the scheduler (noisy, see CpuPinning)
            """.formatted(String.join(" ", LAMBDA_512_FLAGS));

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException on an unknown or malformed option
     */
    static Options parse(String[] args) {
        int starts = 11;
        int warmup = 5_000;
        int invocations = 20_000;
        List<Client> clients = null;
        List<Workload> workloads = List.of(Workload.POJO, Workload.STREAM);
        Path java = defaultJava();
        List<String> flags = new ArrayList<>(LAMBDA_512_FLAGS);
        List<String> added = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        List<String> variant = new ArrayList<>();
        Path variantRunway = null;
        Path home = Layout.harnessHome();
        Path jars = home.resolve("coldstart");
        Path work = home.resolve("coldstart-run");
        Path runway = home.resolve("../../bootstrap/target/runway/lib").normalize();
        Path baseline = null;
        Path spring = home.resolve("../../compat/spring-cloud-function/target/function").normalize();
        long timeoutMs = 60_000;
        String warmCpu = "auto";
        String inspect = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--starts" -> starts = atLeast(name, value, 0);
                case "--warmup" -> warmup = atLeast(name, value, 0);
                case "--invocations" -> invocations = atLeast(name, value, 0);
                case "--clients" -> clients = Arrays.stream(value.split(",")).map(Client::byLabel).toList();
                case "--handlers" -> workloads = Arrays.stream(value.split(",")).map(Workload::byLabel).toList();
                case "--java" -> java = Path.of(value);
                case "--jvm-flags" -> flags = new ArrayList<>(splitFlags(value));
                case "--add-flags" -> added.addAll(splitFlags(value));
                case "--trained-flags" -> trained.addAll(splitFlags(value));
                case "--variant-flags" -> variant.addAll(splitFlags(value));
                case "--variant-runway" -> variantRunway = Path.of(value);
                case "--jars" -> jars = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--spring" -> spring = Path.of(value);
                case "--runway" -> runway = Path.of(value);
                case "--baseline" -> baseline = Path.of(value);
                case "--warm-cpu" -> warmCpu = value.equals("none") ? null : value;
                case "--inspect" -> inspect = value;
                case "--timeout-s" -> timeoutMs = atLeast(name, value, 1) * 1000L;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        flags.addAll(added);
        if (clients == null) {
            Path base = baseline;
            clients = Arrays.stream(Client.values())
                    .filter(c -> c != Client.RUNWAY_VARIANT && (c != Client.RUNWAY_BASELINE || base != null)).toList();
        } else if (clients.contains(Client.RUNWAY_BASELINE) && baseline == null) {
            throw new IllegalArgumentException("client runway-baseline needs --baseline DIR");
        }
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("not an executable: " + java);
        }
        return new Options(starts, warmup, invocations, clients, workloads, java, List.copyOf(flags), List.copyOf(trained),
                List.copyOf(variant), jars.toAbsolutePath(), work.toAbsolutePath(), runway.toAbsolutePath(),
                (variantRunway == null ? runway : variantRunway).toAbsolutePath(),
                baseline == null ? null : baseline.toAbsolutePath(), spring.toAbsolutePath(), timeoutMs, warmCpu, inspect);
    }

    private static Path defaultJava() {
        String javaHome = System.getenv("JAVA_HOME");
        String home = javaHome != null && !javaHome.isBlank() ? javaHome : System.getProperty("java.home");
        return Path.of(home, "bin", "java");
    }

    private static List<String> splitFlags(String value) {
        return Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static int atLeast(String name, String value, int min) {
        int n = Integer.parseInt(value);
        if (n < min) {
            throw new IllegalArgumentException(name + " must be at least " + min);
        }
        return n;
    }
}
