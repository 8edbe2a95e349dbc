package dev.runway.bootstrap.local.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatusTest {

    @Test
    void readsTheVmHwmLine() {
        byte[] status = ("Name:\tjava\nVmPeak:\t 5027148 kB\nVmSize:\t 5027148 kB\nVmHWM:\t   80936 kB\nVmRSS:\t   80000 kB\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(80936, ProcStatus.parseVmHwm(status, status.length));
    }

    @Test
    void aMissingOrCutLineIsZero() {
        byte[] status = "Name:\tjava\nVmRSS:\t 1 kB\nVmHW".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0, ProcStatus.parseVmHwm(status, status.length));
        assertEquals(0, ProcStatus.vmHwmKib(Long.MAX_VALUE));
    }

    @Test
    void readsThisProcessAndItsTree() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
        long self = ProcessHandle.current().pid();
        assertTrue(ProcStatus.vmHwmKib(self) > 1024, "this JVM's peak RSS is over 1 MiB");
        long[] pids = new ProcessTree(ProcessHandle.current()).pids();
        assertEquals(self, pids[0]);
    }
}
