package dev.runway.ric.internal.api;

import dev.runway.ric.testing.Pieces;
import dev.runway.wire.internal.http.Connector;
import dev.runway.wire.internal.http.Http1Connection;
import dev.runway.wire.internal.http.KnownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Fuzzes the Runtime API client's HTTP reader (runway-wire's {@link Http1Connection}, with the Runtime API's fields)
 * over a real socket: the server's answer is arbitrary bytes, or a valid answer cut,
 * mutated, and in either case sent in pieces split at arbitrary points. The reader must return the right answer
 * for every valid one however it is split, and for anything else either an answer or an {@link IOException}:
 * never another exception, never a hang, never a huge allocation. Fixed seeds; see docs/reliability.md for the
 * longer run.
 */
class Http1ConnectionFuzzTest {

    private static final byte[] REQUEST = "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static ServerSocket server;
    private static volatile List<byte[]> script = List.of();

    @BeforeContainer
    static void startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    readRequest(s);
                    OutputStream out = s.getOutputStream();
                    for (byte[] piece : script) {
                        out.write(piece);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the client hung up early, or the server closed
                }
            }
        }, "fuzz-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterContainer
    static void stopServer() throws IOException {
        server.close();
    }

    private static void readRequest(Socket s) throws IOException {
        byte[] buffer = new byte[REQUEST.length];
        int n = 0;
        while (n < buffer.length) {
            int r = s.getInputStream().read(buffer, n, buffer.length - n);
            if (r < 0) {
                return;
            }
            n += r;
        }
    }

    private static byte[] exchange(List<byte[]> pieces, Http1Connection[] keep, KnownFields fields) throws IOException {
        script = pieces;
        Http1Connection connection = new Http1Connection(
                Connector.socket(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort())), fields);
        keep[0] = connection;
        try {
            return connection.exchange(REQUEST, REQUEST.length, null, 0);
        } finally {
            connection.close();
        }
    }

    @Property(seed = "1407")
    void aValidAnswerIsReadExactlyHoweverItIsSplit(@ForAll("validAnswers") Answer answer,
            @ForAll("splitPoints") List<Integer> splits) throws IOException {
        Http1Connection[] connection = new Http1Connection[1];
        KnownFields fields = ResponseHeader.sink();
        byte[] body = exchange(Pieces.split(answer.bytes(), splits), connection, fields);
        assertThat(body).isEqualTo(answer.body());
        assertThat(connection[0].status()).isEqualTo(answer.status());
        assertThat(ResponseHeader.REQUEST_ID.in(fields)).isEqualTo(answer.requestId());
    }

    @Property(seed = "1408")
    void anythingElseIsAnAnswerOrAnIOException(@ForAll("hostileAnswers") byte[] bytes,
            @ForAll("splitPoints") List<Integer> splits) {
        Http1Connection[] connection = new Http1Connection[1];
        try {
            byte[] body = exchange(Pieces.split(bytes, splits), connection, ResponseHeader.sink());
            assertThat(body.length).isLessThanOrEqualTo(bytes.length);
        } catch (IOException expected) {
            // refused or cut: what the client turns into a retry or the end of the loop
        }
    }

    /** A well-formed answer, framed by Content-Length or chunked, with its expected reading. */
    record Answer(byte[] bytes, int status, String requestId, byte[] body) {}

    @Provide
    Arbitrary<Answer> validAnswers() {
        Arbitrary<Integer> status = Arbitraries.of(200, 202, 400, 403, 413, 500);
        Arbitrary<String> id = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80)
                .map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<Boolean> chunked = Arbitraries.of(true, false);
        Arbitrary<Integer> extraHeaders = Arbitraries.integers().between(0, 30);
        Arbitrary<Integer> chunkSize = Arbitraries.integers().between(1, 700);
        return Combinators.combine(status, id, body, chunked, extraHeaders, chunkSize).as((s, i, b, c, h, cs) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(s).append(" Whatever\r\n");
            for (int k = 0; k < h; k++) {
                head.append("X-Extra-").append(k).append(":  value ").append(k).append(" \r\n");
            }
            head.append("lambda-runtime-aws-request-id: ").append(i).append("\r\n");
            List<byte[]> parts = new ArrayList<>();
            if (c) {
                head.append("Transfer-Encoding: chunked\r\n\r\n");
                parts.add(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                for (int off = 0; off < b.length; off += cs) {
                    int n = Math.min(cs, b.length - off);
                    parts.add((Integer.toHexString(n) + (off % 2 == 0 ? ";ext=1" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    parts.add(Arrays.copyOfRange(b, off, off + n));
                    parts.add("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                parts.add("0\r\nTrailer-A: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                head.append("Content-Length: ").append(b.length).append("\r\n\r\n");
                parts.add(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                parts.add(b);
            }
            return new Answer(concat(parts), s, i, b);
        });
    }

    @Provide
    Arbitrary<byte[]> hostileAnswers() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> mutated = Combinators.combine(validAnswers(), Arbitraries.integers().between(0, 20),
                Arbitraries.longs()).as((a, flips, seed) -> mutate(a.bytes(), flips, seed));
        Arbitrary<byte[]> lying = Arbitraries.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 2147483647\r\n\r\nabc",
                "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 33554433\r\n\r\nabc",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7ffffff7\r\nabc",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 OK\r\n" + "X: y\r\n".repeat(300) + "Content-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\n" + "X".repeat(20_000) + "\r\n\r\n",
                "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.0 200 OK\r\n\r\nbody to the end")
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(random, mutated, lying);
    }

    @Provide
    Arbitrary<List<Integer>> splitPoints() {
        return Arbitraries.integers().between(0, 4000).list().ofMaxSize(12);
    }

    private static byte[] mutate(byte[] bytes, int flips, long seed) {
        java.util.Random random = new java.util.Random(seed);
        byte[] copy = bytes.clone();
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return random.nextBoolean() ? copy : Arrays.copyOf(copy, random.nextInt(copy.length + 1));
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }
}
