package dev.runway.ric.internal.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;

/**
 * One {@code write(2)} of a frame from a reused native buffer, through the JDK's own file dispatcher (the native
 * method {@code FileChannel} writes with), reached when {@code bootstrap} opens {@code java.base/sun.nio.ch}.
 *
 * <p>Why: a frame written with {@code FileOutputStream.write} costs about 250 ns on a VM, of which the system call
 * is 150: its native code copies the array to the C stack and calls back into the JVM five times (array length,
 * copy, exception check, two field reads for the descriptor). The dispatcher's {@code write0} takes an address and
 * reads one field, about 50 ns less per record, a fifth of a logging function's cost per line. It is plain JDK
 * code, already linked (the runtime's sockets use the same library): no native code of Runway's and no
 * {@code --enable-native-access}; finding it costs about 4 ms of method-handle set-up, once, which is why
 * {@link FramedDestination} switches to it only in a process that logs a lot.
 *
 * <p>Everything it cannot do goes through the {@link FileOutputStream} as before: frames larger than its buffer,
 * virtual threads (the stream tells the scheduler its carrier blocks; a native call would pin it), a descriptor in
 * non-blocking mode, and every JDK where the method is not there or not reachable ({@link #open} returns
 * {@code null}). Not thread-safe: used under the record writer's lock.
 */
final class DirectFileWrite {

    /** {@code sun.nio.ch.IOStatus.INTERRUPTED}: the call was interrupted by a signal before writing anything. */
    private static final int INTERRUPTED = -3;
    /** Frames up to this size go the direct way: every usual record, and stack traces of a few hundred lines. */
    static final int CAPACITY = 64 * 1024;

    private static final MethodHandle WRITE0;
    private static final MethodHandle ADDRESS;

    static {
        MethodHandle write0 = null;
        MethodHandle address = null;
        try {
            // Where recent JDKs keep it (Linux's FileDispatcherImpl extends it); DirectFileWriteTest checks that the
            // JDK the runtime ships with still does.
            Class<?> dispatcher = Class.forName("sun.nio.ch.UnixFileDispatcherImpl");
            write0 = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup()).findStatic(dispatcher,
                    "write0", MethodType.methodType(int.class, FileDescriptor.class, long.class, int.class));
            Class<?> directBuffer = Class.forName("sun.nio.ch.DirectBuffer");
            address = MethodHandles.privateLookupIn(directBuffer, MethodHandles.lookup()).findVirtual(directBuffer,
                    "address", MethodType.methodType(long.class));
        } catch (ReflectiveOperationException | RuntimeException notOpen) {
            // sun.nio.ch not opened to this code (no bootstrap), or another JDK: the stream does it all.
            write0 = null;
            address = null;
        }
        WRITE0 = write0;
        ADDRESS = address;
    }

    private final FileDescriptor fd;
    private final FileOutputStream stream;
    /** Kept: its memory is freed once it is unreachable. */
    private final ByteBuffer buffer;
    private final long address;

    private DirectFileWrite(FileDescriptor fd, FileOutputStream stream, ByteBuffer buffer, long address) {
        this.fd = fd;
        this.stream = stream;
        this.buffer = buffer;
        this.address = address;
    }

    /**
     * @param stream the descriptor's stream, for what this cannot write
     * @return a direct writer for the stream's descriptor, or {@code null} when this JDK does not offer one
     */
    static DirectFileWrite open(FileOutputStream stream) {
        if (WRITE0 == null) {
            return null;
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocateDirect(CAPACITY);
            return new DirectFileWrite(stream.getFD(), stream, buffer, (long) ADDRESS.invoke(buffer));
        } catch (Throwable e) {
            return null;
        }
    }

    /** Writes {@code len} bytes of {@code bytes}, all of them, in one system call when the descriptor takes them. */
    void write(byte[] bytes, int off, int len) throws IOException {
        if (len > CAPACITY || Thread.currentThread().isVirtual()) {
            stream.write(bytes, off, len);
            return;
        }
        buffer.put(0, bytes, off, len);
        int written = 0;
        while (written < len) {
            int n = write0(written, len - written);
            if (n > 0) {
                written += n;
            } else if (n != INTERRUPTED) {
                // Nothing taken (a descriptor in non-blocking mode, full): the stream blocks or reports it.
                stream.write(bytes, off + written, len - written);
                return;
            }
        }
    }

    private int write0(int from, int count) throws IOException {
        try {
            return (int) WRITE0.invokeExact(fd, address + from, count);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }
}
