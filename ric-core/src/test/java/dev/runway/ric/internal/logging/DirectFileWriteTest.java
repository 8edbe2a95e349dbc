package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The direct write path, against a real file, in a JVM started as {@code bootstrap} starts functions
 * ({@code java.base/sun.nio.ch} open: see this module's surefire configuration).
 */
class DirectFileWriteTest {

    @TempDir
    Path dir;

    @Test
    void theJdkOffersItsDispatcherToTheRuntime() throws IOException {
        // A JDK that moves or removes the method turns this red, instead of silently logging a fifth slower.
        try (FileOutputStream out = new FileOutputStream(dir.resolve("log").toFile())) {
            assertThat(DirectFileWrite.open(out)).isNotNull();
        }
    }

    @Test
    void writesTheBytesItIsGivenInOrder() throws IOException {
        Path file = dir.resolve("log");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            DirectFileWrite direct = DirectFileWrite.open(out);
            for (int i = 0; i < 1000; i++) {
                byte[] record = ("record " + i + "\n").getBytes(StandardCharsets.US_ASCII);
                byte[] padded = new byte[record.length + 7];
                System.arraycopy(record, 0, padded, 3, record.length);
                direct.write(padded, 3, record.length);
                expected.write(record);
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
    }

    @Test
    void recordsLargerThanItsBufferGoThroughTheStreamWhole() throws IOException {
        Path file = dir.resolve("log");
        byte[] large = new byte[DirectFileWrite.CAPACITY + 1];
        Arrays.fill(large, (byte) 'x');
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            DirectFileWrite direct = DirectFileWrite.open(out);
            direct.write("a".getBytes(StandardCharsets.US_ASCII), 0, 1);
            direct.write(large, 0, large.length);
            direct.write("b".getBytes(StandardCharsets.US_ASCII), 0, 1);
        }
        byte[] written = Files.readAllBytes(file);
        assertThat(written).hasSize(large.length + 2);
        assertThat(written[0]).isEqualTo((byte) 'a');
        assertThat(written[written.length - 1]).isEqualTo((byte) 'b');
    }

    @Test
    void virtualThreadsWriteThroughTheStream() throws Exception {
        Path file = dir.resolve("log");
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            DirectFileWrite direct = DirectFileWrite.open(out);
            Thread thread = Thread.ofVirtual().start(() -> {
                try {
                    direct.write("from a virtual thread".getBytes(StandardCharsets.US_ASCII), 0, 21);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            thread.join();
        }
        assertThat(Files.readString(file)).isEqualTo("from a virtual thread");
    }

    @Test
    void aFramedDestinationSwitchesAfterItsThresholdAndKeepsEveryFrameWhole() throws IOException {
        Path file = dir.resolve("frames");
        int frames = FramedDestination.DIRECT_AFTER + 100;
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            FramedDestination destination = new FramedDestination(out);
            FrameBuffer buffer = new FrameBuffer();
            for (int i = 0; i < frames; i++) {
                assertThat(destination.direct()).isEqualTo(i >= FramedDestination.DIRECT_AFTER);
                buffer.reset();
                buffer.appendUtf8("frame " + i + "\nsecond line");
                destination.write(buffer, FrameType.of(LogLevel.INFO, LogFormat.TEXT), 1_700_000_000_000_000L + i,
                        Target.OUT);
            }
        }
        ByteBuffer written = ByteBuffer.wrap(Files.readAllBytes(file));
        for (int i = 0; i < frames; i++) {
            written.getInt(); // type
            int length = written.getInt();
            assertThat(written.getLong()).isEqualTo(1_700_000_000_000_000L + i);
            byte[] payload = new byte[length];
            written.get(payload);
            assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("frame " + i + "\nsecond line");
        }
        assertThat(written.hasRemaining()).isFalse();
    }
}
