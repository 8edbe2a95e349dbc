package dev.runway.bootstrap.local;

import dev.runway.ric.testing.Pieces;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.bootstrap.local.internal.http.HttpServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Local mode's HTTP handling (codec, {@code 100-continue}, router, and the real Runtime, Extensions and Telemetry
 * API endpoints over a real sandbox) driven through Netty's {@link EmbeddedChannel} with requests that are valid,
 * mutated or random, split at arbitrary points. Nothing may escape the pipeline as an exception, and whatever is
 * answered is HTTP/1.1. Fixed seeds; docs/reliability.md has the longer run.
 */
class LocalHttpFuzzTest {

    private static final String[] PATHS = {
        "/2018-06-01/runtime/invocation/next", "/2018-06-01/runtime/invocation/abc/response",
        "/2018-06-01/runtime/invocation/abc/error", "/2018-06-01/runtime/init/error", "/2018-06-01/runtime/restore/next",
        "/2020-01-01/extension/register", "/2020-01-01/extension/event/next", "/2020-01-01/extension/init/error",
        "/2022-07-01/telemetry", "/2020-08-15/logs", "/2018-06-01/ping", "/nope", "/%zz/\u00e9"};
    private static final String[] BODIES = {
        "", "{}", "{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}", "{\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox:1/\"},"
            + "\"types\":[\"platform\"],\"buffering\":{\"maxItems\":1000,\"maxBytes\":262144,\"timeoutMs\":100},\"schemaVersion\":\"2022-12-13\"}",
        "[".repeat(5000), "{\"a\":1e999999999}", "\"\ud800\"", "{\"errorMessage\":\"x\",\"errorType\":\"y\"}"};

    private static LocalPlatform platform;

    @BeforeContainer
    static void start() {
        platform = LocalPlatform.builder().port(0).handler("test.Handler").runtime(new TestRuntime()).start();
    }

    @AfterContainer
    static void stop() {
        platform.close();
    }

    @Property(seed = "1413")
    void nothingEscapesThePipelineAndEveryAnswerIsHttp(@ForAll("requests") byte[] request,
            @ForAll("splitPoints") List<Integer> splits) {
        EmbeddedChannel channel = new EmbeddedChannel();
        HttpServer.configure(channel.pipeline(), platform.apiRoutes());
        try {
            for (byte[] piece : Pieces.split(request, splits)) {
                if (!channel.isOpen()) {
                    break; // the server closed the connection on a bad request: what follows is not read
                }
                channel.writeInbound(Unpooled.wrappedBuffer(piece));
                channel.runPendingTasks();
                channel.checkException();
            }
            StringBuilder answered = new StringBuilder();
            for (Object out; (out = channel.readOutbound()) != null; ) {
                if (out instanceof ByteBuf buf) {
                    answered.append(buf.toString(StandardCharsets.ISO_8859_1));
                    buf.release();
                }
            }
            if (!answered.isEmpty()) {
                assertThat(answered.toString()).startsWith("HTTP/1.1 ");
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<byte[]> valid = Combinators.combine(Arbitraries.of("GET", "POST", "PUT", "DELETE"),
                Arbitraries.of(PATHS), Arbitraries.of(BODIES), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 40)).as((method, path, body, chunked, extra) -> {
                    StringBuilder r = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: x\r\n");
                    r.append("Lambda-Extension-Name: fuzz\r\nLambda-Extension-Identifier: nobody\r\n");
                    r.append("X-Pad: ").append("p".repeat(extra * 100)).append("\r\n");
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    if (chunked) {
                        r.append("Transfer-Encoding: chunked\r\n\r\n");
                        if (b.length > 0) {
                            r.append(Integer.toHexString(b.length)).append("\r\n").append(body).append("\r\n");
                        }
                        r.append("0\r\n\r\n");
                    } else {
                        r.append("Content-Length: ").append(b.length).append("\r\n\r\n").append(body);
                    }
                    return r.toString().getBytes(StandardCharsets.UTF_8);
                });
        Arbitrary<byte[]> mutated = Combinators.combine(valid, Arbitraries.integers().between(1, 10), Arbitraries.longs())
                .as((bytes, flips, seed) -> {
                    java.util.Random random = new java.util.Random(seed);
                    byte[] copy = bytes.clone();
                    for (int i = 0; i < flips; i++) {
                        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    }
                    return random.nextBoolean() ? copy : Arrays.copyOf(copy, random.nextInt(copy.length + 1));
                });
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(1000);
        return Arbitraries.oneOf(valid, mutated, random);
    }

    @Provide
    Arbitrary<List<Integer>> splitPoints() {
        return Arbitraries.integers().between(0, 6000).list().ofMaxSize(10);
    }
}
