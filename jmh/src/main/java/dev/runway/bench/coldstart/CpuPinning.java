package dev.runway.bench.coldstart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Puts the harness (and so its Runtime API server) and a warm client on one CPU, with {@code taskset}.
 *
 * <p>Why: a warm invocation is two wake-ups, server to client and back. When the two processes sit on different
 * CPUs of a virtual machine, each wake-up of an idle vCPU costs an inter-processor interrupt through the
 * hypervisor, some 20 µs on the machine this was built on; on the same CPU it is a plain context switch. Which
 * of the two a run got was random per process, and it moved the p50 between about 12 and 50 µs for the same
 * client, which drowned the differences between clients. On one CPU the figure is the client's own work plus two
 * context switches, the same for everyone.
 */
final class CpuPinning {

    private static final int ATTEMPTS = 5;

    private final String cpu;
    private final String originalMask;

    private CpuPinning(String cpu, String originalMask) {
        this.cpu = cpu;
        this.originalMask = originalMask;
    }

    /**
     * Pins every thread of this JVM to {@code cpu}; threads started later inherit it.
     *
     * @param cpu the CPU number, or {@code auto} for the highest CPU this process may run on
     * @return the pinning, to {@link #release()} afterwards
     * @throws IOException when {@code taskset} is missing or fails
     * @throws InterruptedException when interrupted
     */
    static CpuPinning pinHarness(String cpu) throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        String shown = taskset("-p", Long.toString(pid)); // "pid 123's current affinity mask: 3"
        String mask = shown.substring(shown.lastIndexOf(':') + 1).strip();
        String chosen = cpu.equals("auto") ? Integer.toString(new java.math.BigInteger(mask, 16).bitLength() - 1) : cpu;
        taskset("-a", "-p", "-c", chosen, Long.toString(pid));
        return new CpuPinning(chosen, mask);
    }

    /** @return the CPU everything is pinned to */
    String cpu() {
        return cpu;
    }

    /** @return the command prefix that starts a process on the same CPU */
    List<String> commandPrefix() {
        return List.of("taskset", "-c", cpu);
    }

    /**
     * Gives the harness its original CPUs back.
     *
     * @throws IOException when {@code taskset} fails
     * @throws InterruptedException when interrupted
     */
    void release() throws IOException, InterruptedException {
        taskset("-a", "-p", originalMask, Long.toString(ProcessHandle.current().pid()));
    }

    /**
     * Runs {@code taskset}. With {@code -a} it walks the JVM's threads, and fails when one of them ends during the
     * walk (a process reaper, a compiler thread the JVM retires); a second try then succeeds.
     */
    private static String taskset(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        String out = "";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) {
                return out;
            }
        }
        throw new IOException(String.join(" ", command) + " failed " + ATTEMPTS + " times: " + out);
    }
}
