package dev.runway.ric.internal.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens {@code _LAMBDA_TELEMETRY_LOG_FD}, the descriptor the platform reads log frames from. */
final class TelemetryFd {

    private TelemetryFd() {}

    /**
     * Wraps the descriptor itself, through {@code FileDescriptor}'s private constructor, which
     * {@code --add-opens=java.base/java.io=ALL-UNNAMED} (set by {@code bootstrap}) makes reachable. Without that
     * flag, the descriptor is opened again through {@code /proc/self/fd}, which works for the pipe the platform
     * passes but not for a socket.
     *
     * @param fd the descriptor number
     * @return a stream writing to it
     * @throws IOException when the descriptor is not open or cannot be reached
     */
    static FileOutputStream open(int fd) throws IOException {
        Path procEntry = Path.of("/proc/self/fd/" + fd);
        if (Files.isDirectory(procEntry.getParent()) && !Files.exists(procEntry)) {
            throw new IOException("file descriptor " + fd + " is not open");
        }
        try {
            Constructor<FileDescriptor> constructor = FileDescriptor.class.getDeclaredConstructor(int.class);
            constructor.setAccessible(true);
            return new FileOutputStream(constructor.newInstance(fd));
        } catch (ReflectiveOperationException | RuntimeException closed) {
            // java.io is not open to the runtime: go through the file system.
            return new FileOutputStream(procEntry.toFile(), true);
        }
    }
}
