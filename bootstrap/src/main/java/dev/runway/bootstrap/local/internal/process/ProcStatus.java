package dev.runway.bootstrap.local.internal.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's peak resident set ({@code VmHWM}) from Linux's {@code /proc/<pid>/status}. */
final class ProcStatus {

    private static final byte[] KEY = "VmHWM:".getBytes(StandardCharsets.US_ASCII);

    private ProcStatus() {}

    /** @return the peak resident set in KiB; 0 when not on Linux or the process has ended */
    static long vmHwmKib(long pid) {
        byte[] status;
        try (InputStream in = Files.newInputStream(Path.of("/proc", Long.toString(pid), "status"))) {
            // The whole file is about 1.5 KiB; VmHWM is in its first half.
            status = in.readNBytes(4096);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return parseVmHwm(status, status.length);
    }

    /** @return the value of the {@code VmHWM:} line (in kB), or 0 when there is none */
    static long parseVmHwm(byte[] status, int length) {
        for (int line = 0; line < length; ) {
            if (startsWith(status, line, length)) {
                long kib = 0;
                for (int i = line + KEY.length; i < length && status[i] != '\n'; i++) {
                    byte b = status[i];
                    if (b >= '0' && b <= '9') {
                        kib = kib * 10 + (b - '0');
                    } else if (kib > 0) {
                        break;
                    }
                }
                return kib;
            }
            while (line < length && status[line] != '\n') {
                line++;
            }
            line++;
        }
        return 0;
    }

    private static boolean startsWith(byte[] status, int at, int length) {
        if (at + KEY.length > length) {
            return false;
        }
        for (int i = 0; i < KEY.length; i++) {
            if (status[at + i] != KEY[i]) {
                return false;
            }
        }
        return true;
    }
}
