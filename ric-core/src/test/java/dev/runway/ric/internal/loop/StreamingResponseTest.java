package dev.runway.ric.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.HttpResponseStream;
import dev.runway.ric.ResponseStream;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.RuntimeUnderTest;
import dev.runway.ric.testing.handlers.EchoStreamHandler;
import dev.runway.ric.testing.handlers.GreetingHandler;
import dev.runway.ric.testing.handlers.StreamingHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Response streaming against the fake Runtime API over real HTTP: chunks, trailers, limits, the HTTP prelude. */
class StreamingResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path taskRoot;

    private FakeRuntimeApi api;

    @BeforeEach
    void startApi() throws Exception {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private RuntimeUnderTest start(Class<?> handler, Map<String, String> env) {
        return RuntimeUnderTest.start(api, taskRoot, handler.getName(), env);
    }

    @Test
    void theFirstChunkReachesThePlatformWhileTheHandlerStillRuns() throws Exception {
        StreamingHandlers.FirstByteBeforeTheEnd.firstChunkSeen = new CountDownLatch(1);
        List<String> chunks = new CopyOnWriteArrayList<>();
        api.onChunk(chunk -> {
            chunks.add(new String(chunk, StandardCharsets.UTF_8));
            StreamingHandlers.FirstByteBeforeTheEnd.firstChunkSeen.countDown();
        });
        try (RuntimeUnderTest runtime = start(StreamingHandlers.FirstByteBeforeTheEnd.class, Map.of())) {
            Event event = api.enqueue("{}");
            RecordedPost post = api.takePost();
            assertThat(post.kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
            assertThat(post.requestId()).isEqualTo(event.requestId());
            assertThat(post.header("Lambda-Runtime-Function-Response-Mode")).isEqualTo("streaming");
            assertThat(post.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(post.header("Content-Type")).isEqualTo("text/plain");
            assertThat(post.bodyText()).isEqualTo("first;second");
            assertThat(chunks).containsExactly("first;", "second");
            assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isNull();
        }
    }

    @Test
    void aFailureAfterTheFirstByteEndsTheStreamWithTheErrorTrailers() throws Exception {
        try (RuntimeUnderTest runtime = start(StreamingHandlers.FailsMidway.class, Map.of())) {
            api.enqueue("{}");
            RecordedPost post = api.takePost();
            assertThat(post.kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
            assertThat(post.bodyText()).isEqualTo("partial");
            assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.UserException");
            JsonNode error = JSON.readTree(Base64.getDecoder().decode(post.header("Lambda-Runtime-Function-Error-Body")));
            assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.get("errorMessage").asText()).isEqualTo("the data source went away");

            // The loop goes on after a failed stream.
            api.enqueue("{}");
            assertThat(api.takePost().bodyText()).isEqualTo("partial");
        }
    }

    @Test
    void aFailureBeforeTheFirstByteIsAnOrdinaryError() throws Exception {
        try (RuntimeUnderTest runtime = start(StreamingHandlers.FailsFirst.class, Map.of())) {
            api.enqueue("{}");
            RecordedPost post = api.takePost();
            assertThat(post.kind()).isEqualTo(RecordedPost.Kind.ERROR);
            assertThat(JSON.readTree(post.body()).get("errorMessage").asText()).isEqualTo("no stream today");
        }
    }

    @Test
    void aResponseOverTheStreamingLimitEndsWithResponseSizeTooLarge() throws Exception {
        try (RuntimeUnderTest runtime = start(StreamingHandlers.WritesTooMuch.class, Map.of())) {
            api.enqueue("{}");
            RecordedPost post = api.takePost(Duration.ofSeconds(60));
            assertThat(post.body().length).isLessThanOrEqualTo((int) ResponseStream.MAX_BYTES);
            assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Function.ResponseSizeTooLarge");
            JsonNode error = JSON.readTree(Base64.getDecoder().decode(post.header("Lambda-Runtime-Function-Error-Body")));
            assertThat(error.get("errorMessage").asText()).contains("exceeded maximum allowed payload size (20971520 bytes)");
        }
    }

    @Test
    void anHttpResponseStartsWithThePreludeAndTheEightByteDelimiter() throws Exception {
        try (RuntimeUnderTest runtime = start(StreamingHandlers.ServerSentEvents.class, Map.of())) {
            api.enqueue("{}");
            RecordedPost post = api.takePost();
            assertThat(post.header("Content-Type")).isEqualTo(HttpResponseStream.CONTENT_TYPE);
            byte[] body = post.body();
            int delimiter = indexOfEightZeros(body);
            JsonNode prelude = JSON.readTree(Arrays.copyOf(body, delimiter));
            assertThat(prelude.get("statusCode").asInt()).isEqualTo(201);
            assertThat(prelude.get("headers").get("content-type").asText()).isEqualTo("text/event-stream");
            assertThat(prelude.get("cookies").get(0).asText()).isEqualTo("session=\"a b\"");
            assertThat(new String(body, delimiter + 8, body.length - delimiter - 8, StandardCharsets.UTF_8))
                    .isEqualTo("data: event 0\n\ndata: event 1\n\ndata: event 2\n\n");
        }
    }

    @Test
    void aRequestStreamHandlerStreamsWhenOptedIn() throws Exception {
        try (RuntimeUnderTest runtime = start(EchoStreamHandler.class, Map.of("RUNWAY_RESPONSE_STREAMING", "true"))) {
            api.enqueue("{\"echo\":true}");
            RecordedPost post = api.takePost();
            assertThat(post.header("Lambda-Runtime-Function-Response-Mode")).isEqualTo("streaming");
            assertThat(post.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(post.bodyText()).isEqualTo("{\"echo\":true}");
        }
    }

    @Test
    void aPojoHandlerOptedInToStreamingFailsInit() throws Exception {
        RuntimeUnderTest runtime = start(GreetingHandler.class, Map.of("RUNWAY_RESPONSE_STREAMING", "true"));
        RecordedPost post = api.takePost();
        assertThat(post.kind()).isEqualTo(RecordedPost.Kind.INIT_ERROR);
        assertThat(JSON.readTree(post.body()).get("errorMessage").asText()).contains("RUNWAY_RESPONSE_STREAMING");
        assertThat(runtime.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
    }

    private static int indexOfEightZeros(byte[] body) {
        for (int i = 0; i + 8 <= body.length; i++) {
            boolean zeros = true;
            for (int k = 0; k < 8 && zeros; k++) {
                zeros = body[i + k] == 0;
            }
            if (zeros) {
                return i;
            }
        }
        throw new AssertionError("no prelude delimiter in the body");
    }
}
