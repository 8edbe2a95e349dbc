package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Malformed and hostile requests get the platform's answers, and the emulator keeps serving. */
class BadInputTest {

    private final PlatformFixture fixture = new PlatformFixture(b -> b.timeoutSeconds(30));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void malformedHttpGets400AndTheServerServesTheNextConnection() throws Exception {
        assertThat(fixture.raw("THIS IS NOT HTTP\r\n\r\n")).startsWith("HTTP/1.1 400");
        assertThat(fixture.raw("POST /2018-06-01/runtime/init/error HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\nnope\r\n")).startsWith("HTTP/1.1 400");
        assertThat(fixture.get("/2018-06-01/ping").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertThat(fixture.get("/2018-06-01/runtime/nothing").statusCode()).isEqualTo(404);
        assertThat(fixture.get("/2018-06-01/runtime/init/error").statusCode()).isEqualTo(405);
        HttpResponse<String> invokeGet = fixture.http.send(HttpRequest.newBuilder(fixture.platform.invokeUri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(invokeGet.statusCode()).isEqualTo(405);
    }

    @Test
    void aClientContextThatIsNotBase64Is500WithNoBodyAsInTheRie() throws Exception {
        HttpResponse<String> answer = fixture.invoke("{}", "X-Amz-Client-Context", "%%%not base64").get(30, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void anOversizedInvokeIs413() throws Exception {
        char[] big = new char[6 * 1024 * 1024 + 101];
        Arrays.fill(big, 'x');

        HttpResponse<String> answer = fixture.invoke(new String(big)).get(30, TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"errorType\":\"RequestEntityTooLargeException\"");
    }

    @Test
    void anInvokeAfterAllThatStillWorks() throws Exception {
        fixture.raw("GARBAGE\r\n\r\n");
        fixture.post("/2018-06-01/runtime/invocation/x/response", "{}");
        fixture.post("/2020-01-01/extension/register", "{");
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        fixture.post("/2018-06-01/runtime/invocation/" + id + "/response", "fine");

        assertThat(invoke.get(30, TimeUnit.SECONDS).body()).isEqualTo("fine");
    }
}
