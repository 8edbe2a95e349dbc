package dev.runway.wire.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The connection against scripted byte streams: framing, persistence, states, limits, and what it writes. */
class Http1ConnectionTest {

    private static final byte[] GET = ascii("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
    private static final String ID = "Lambda-Runtime-Aws-Request-Id";

    private final Script script = new Script();
    private final KnownFields fields = new KnownFields(ID, "Content-Type");
    private final Http1Connection connection = new Http1Connection(script, fields);

    private byte[] get() throws IOException {
        return connection.exchange(GET, GET.length, null, 0);
    }

    static Stream<String> validAnswers() {
        return Stream.of(
                "HTTP/1.1 200 OK\r\nlambda-runtime-aws-request-id:  id-1 \r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nLAMBDA-RUNTIME-AWS-REQUEST-ID: id-1\r\n\r\n"
                        + "2;ext=1\r\nhe\r\n3 ; a=\"b\"\r\nllo\r\n0\r\nTrailer-A: x\r\n\r\n",
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: id-1\r\n"
                        + "Content-Length: 5, 5\r\n\r\nhello");
    }

    @ParameterizedTest
    @MethodSource("validAnswers")
    void aValidAnswerIsReadTheSameSplitAtEveryByte(String answer) throws IOException {
        byte[] bytes = ascii(answer);
        for (int at = 0; at <= bytes.length; at++) {
            Script one = new Script().answer(Script.split(bytes, at));
            assertReadsHello(one);
        }
        assertReadsHello(new Script().answer(Script.bytewise(bytes)));
    }

    private static void assertReadsHello(Script one) throws IOException {
        KnownFields known = new KnownFields(ID);
        Http1Connection c = new Http1Connection(one, known);
        assertThat(c.exchange(GET, GET.length, null, 0)).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
        assertThat(c.status()).isEqualTo(200);
        assertThat(known.value(0)).isEqualTo("id-1");
        assertThat(c.state()).isEqualTo(ExchangeState.IDLE);
    }

    @Test
    void aKeptAliveConnectionCarriesTheNextExchangeAndTheFieldsAreThoseOfTheLastResponse() throws IOException {
        script.answer("HTTP/1.1 200 OK\r\n" + ID + ": a\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n\r\nx",
                "HTTP/1.1 202 Accepted\r\n" + ID + ": b\r\nContent-Length: 0\r\n\r\n");
        assertThat(get()).containsExactly('x');
        assertThat(fields.value(1)).isEqualTo("text/plain");
        assertThat(get()).isEmpty();
        assertThat(connection.status()).isEqualTo(202);
        assertThat(fields.value(0)).isEqualTo("b");
        assertThat(fields.value(1)).isNull();
        assertThat(script.opened()).isEqualTo(1);
        assertThat(script.written(0)).isEqualTo(new String(GET, StandardCharsets.US_ASCII).repeat(2));
    }

    static Stream<Arguments> closingAnswers() {
        return Stream.of(
                Arguments.of("HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 2\r\n\r\nok", "ok"),
                Arguments.of("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", "ok"),
                Arguments.of("HTTP/1.1 200 OK\r\n\r\nto the end", "to the end"),
                Arguments.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\nraw", "raw"),
                // Transfer-Encoding overrides Content-Length; the pair ends the connection (RFC 9112 6.3 rule 3).
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n", "ok"));
    }

    @ParameterizedTest
    @MethodSource("closingAnswers")
    void aResponseThatEndsTheConnectionClosesItAndTheNextRequestOpensAnother(String answer, String body) throws IOException {
        script.answer(answer).answer("HTTP/1.1 204 No Content\r\n\r\n");
        assertThat(get()).asString(StandardCharsets.US_ASCII).isEqualTo(body);
        assertThat(connection.state()).isEqualTo(ExchangeState.CLOSED);
        assertThat(script.closes()).isEqualTo(1);
        assertThat(get()).isEmpty();
        assertThat(connection.status()).isEqualTo(204);
        assertThat(script.opened()).isEqualTo(2);
    }

    @Test
    void noBodyFor204And304WhateverTheirFieldsSay() throws IOException {
        script.answer("HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertThat(get()).isEmpty();
        assertThat(get()).isEmpty();
        assertThat(connection.status()).isEqualTo(304);
        assertThat(connection.state()).isEqualTo(ExchangeState.IDLE);
    }

    static Stream<String> badFraming() {
        return Stream.of(
                "HTTP/2 200 OK\r\n\r\n",
                "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.1 2000 OK\r\n\r\n",
                "HTTP/1.1 099 Low\r\n\r\n",
                "XTTP/1.1 200 OK\r\n\r\n",
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\n: empty name\r\n\r\n",
                "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-A: 1\r\n folded\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
                "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 33554433\r\n\r\nabc",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5x\r\nhello\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXY0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n7ffffff7\r\nabc",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2000001\r\nabc",
                "HTTP/1.1 200 OK\r\n" + "X: y\r\n".repeat(Limits.MAX_FIELD_LINES + 1) + "Content-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + "T: y\r\n".repeat(Limits.MAX_FIELD_LINES + 1) + "\r\n",
                "HTTP/1.1 200 OK\r\n" + "X".repeat(Limits.MAX_LINE_BYTES) + "\r\n\r\n",
                "HTTP/1.1 100 Continue\r\n\r\n".repeat(17) + "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    }

    @ParameterizedTest
    @MethodSource("badFraming")
    void badFramingIsAProtocolExceptionAndClosesTheConnection(String answer) {
        script.answer(answer);
        assertThatThrownBy(this::get).isInstanceOf(ProtocolException.class);
        assertThat(connection.state()).isEqualTo(ExchangeState.CLOSED);
        assertThat(script.closes()).isEqualTo(1);
    }

    @Test
    void aCutBeforeTheStatusLineMeansNoAnswerAndACutAfterItMeansAnAnswer() {
        script.answer("HTTP/1.1 200 O").answer("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel")
                .answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
        assertThatThrownBy(this::get).isInstanceOf(EOFException.class);
        assertThat(connection.statusReceived()).isFalse();
        assertThatThrownBy(this::get).isInstanceOf(EOFException.class).hasMessageContaining("inside a body");
        assertThat(connection.statusReceived()).isTrue();
        assertThatThrownBy(this::get).isInstanceOf(EOFException.class).hasMessageContaining("chunked");
        assertThat(connection.statusReceived()).isTrue();
        assertThat(connection.state()).isEqualTo(ExchangeState.CLOSED);
    }

    @Test
    void aFailedConnectDoesNotCountAsTheAnswerOfTheRequestBefore() throws IOException {
        script.answer("HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        get();
        assertThat(connection.statusReceived()).isTrue();
        assertThatThrownBy(this::get).isInstanceOf(java.net.ConnectException.class);
        assertThat(connection.statusReceived()).isFalse();
    }

    @Test
    void aDeclaredBodyLargerThanTheTrustedSizeIsReadAsItArrives() throws IOException {
        byte[] body = new byte[Limits.TRUSTED_BODY_BYTES * 3 + 17];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        script.answer(ascii("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n"), body);
        assertThat(get()).isEqualTo(body);
    }

    @Test
    void aBodyToTheCloseIsBounded() {
        script.answer(ascii("HTTP/1.1 200 OK\r\n\r\n"), new byte[Limits.MAX_BODY_BYTES], new byte[1]);
        assertThatThrownBy(this::get).isInstanceOf(ProtocolException.class).hasMessageContaining("larger than");
    }

    @Test
    void aRequestWithABodyIsWrittenHeadThenBody() throws IOException {
        script.answer("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
        RequestHead head = new RequestHead().start("POST", "/r").field("Content-Length", "3").end();
        connection.exchange(head.bytes(), head.length(), ascii("abc"), 3);
        assertThat(script.written(0)).isEqualTo("POST /r HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
    }

    @Test
    void aChunkedRequestIsFramedAsChunksThenTheLastChunkWithTrailers() throws IOException {
        script.answer("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok");
        byte[] head = ascii("POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        connection.startChunked(head, head.length);
        assertThat(connection.state()).isEqualTo(ExchangeState.WRITING_REQUEST_BODY);
        connection.writeChunk(ascii("hello"), 0, 5);
        connection.writeChunk(new byte[0], 0, 0);
        byte[] large = new byte[RequestWriter.COALESCE_LIMIT + 1];
        java.util.Arrays.fill(large, (byte) 'z');
        connection.writeChunk(large, 0, large.length);
        connection.writeChunk(ascii("0123456789abcdef"), 0, 16);
        assertThat(connection.finishChunked("Error-Type: X\r\n")).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
        assertThat(connection.state()).isEqualTo(ExchangeState.IDLE);
        assertThat(script.written(0)).isEqualTo("POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n" + "10001\r\n" + "z".repeat(large.length) + "\r\n"
                + "10\r\n0123456789abcdef\r\n" + "0\r\nError-Type: X\r\n\r\n");
    }

    @Test
    void anOperationOutOfTurnIsAnExchangeStateExceptionAndWritesNothing() throws IOException {
        assertThatThrownBy(() -> connection.writeChunk(ascii("x"), 0, 1)).isInstanceOf(ExchangeStateException.class);
        script.answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        get();
        assertThatThrownBy(() -> connection.finishChunked("")).isInstanceOf(ExchangeStateException.class)
                .satisfies(e -> assertThat(((ExchangeStateException) e).from()).isEqualTo(ExchangeState.IDLE));
        byte[] head = ascii("POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        connection.startChunked(head, head.length);
        assertThatThrownBy(this::get).isInstanceOf(ExchangeStateException.class);
        assertThatThrownBy(() -> connection.startChunked(head, head.length)).isInstanceOf(ExchangeStateException.class);
        assertThat(connection.state()).isEqualTo(ExchangeState.WRITING_REQUEST_BODY);
        assertThat(script.written(0)).endsWith("chunked\r\n\r\n");
    }

    @Test
    void aStreamedBodyWhoseConnectionFailedCannotGoOnOnAnotherConnection() throws IOException {
        Http1Connection failing = new Http1Connection(() -> new Transport(InputStreamOf.empty(), new java.io.OutputStream() {
            private int writes;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (++writes > 1) {
                    throw new IOException("broken pipe");
                }
            }
        }, () -> {}), fields);
        byte[] head = ascii("POST /r HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        failing.startChunked(head, head.length);
        assertThatThrownBy(() -> failing.writeChunk(ascii("x"), 0, 1)).hasMessage("broken pipe");
        assertThat(failing.state()).isEqualTo(ExchangeState.CLOSED);
        failing.close();
        assertThatThrownBy(() -> failing.writeChunk(ascii("x"), 0, 1)).isExactlyInstanceOf(IOException.class)
                .hasMessageContaining("lost during a streamed request body");
        assertThatThrownBy(() -> failing.finishChunked("")).isExactlyInstanceOf(IOException.class);
    }

    @Test
    void everyHexSizeIsWrittenWithoutLeadingZeros() throws IOException {
        for (int size : IntStream.of(1, 15, 16, 255, 256, 4095, 4096, 65535, 65536).toArray()) {
            Script one = new Script().answer("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
            Http1Connection c = new Http1Connection(one, fields);
            c.startChunked(new byte[0], 0);
            c.writeChunk(new byte[size], 0, size);
            c.finishChunked("");
            assertThat(one.written(0)).startsWith(Integer.toHexString(size) + "\r\n");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An input with nothing in it. */
    private static final class InputStreamOf {
        static java.io.InputStream empty() {
            return java.io.InputStream.nullInputStream();
        }
    }
}
