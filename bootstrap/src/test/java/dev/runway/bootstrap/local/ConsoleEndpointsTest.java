package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.bootstrap.local.internal.console.ConsoleLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The local console's endpoints on the invoke port, against the embedded platform. */
class ConsoleEndpointsTest {

    private final ConsoleLog log = new ConsoleLog();
    private final PlatformFixture fixture = new PlatformFixture(builder -> builder.console(log)
            .functionName("console-test").environment(Map.of("SECRET_TOKEN", "s3cr3t", "AWS_REGION", "eu-west-3")));

    @AfterEach
    void close() {
        fixture.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + fixture.platform.invokePort() + path);
        return fixture.http.send(HttpRequest.newBuilder(uri).timeout(PlatformFixture.WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsAssetsComeFromTheJarAndNameNothingElsewhere() throws Exception {
        HttpResponse<String> page = get("/");
        HttpResponse<String> script = get("/console/console.js");
        HttpResponse<String> style = get("/console/console.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"/console/console.js\">", "id=\"invoke\"");
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        // Offline: no CDN, no font or script from another origin.
        for (HttpResponse<String> each : java.util.List.of(page, script, style)) {
            assertThat(each.body()).doesNotContain("http://", "https://", "//cdn");
        }
        assertThat(get("/console/other.js").statusCode()).isEqualTo(404);
        // The invoke endpoint is still what it was.
        assertThat(get("/2015-03-31/functions/function/invocations").statusCode()).isEqualTo(405);
    }

    @Test
    void theEventTemplatesAreListedAndRendered() throws Exception {
        assertThat(get("/console/api/events").body()).contains("\"sqs\":\"SQS message (SQSEvent)\"", "\"apigateway-http\"");
        assertThat(get("/console/api/events/sqs").body()).contains("\"eventSource\": \"aws:sqs\"");
        assertThat(get("/console/api/events/kafka").statusCode()).isEqualTo(404);
    }

    @Test
    void theEnvironmentShowsTheSettingsLimitsAndLambdaVariablesButNotTheHostsOthers() throws Exception {
        String environment = get("/console/api/environment").body();

        assertThat(environment).contains("\"functionName\":\"console-test\"", "\"timeoutSeconds\":300",
                "\"memoryMb\":3008", "\"payloadBytes\":6291556", "\"AWS_REGION\":\"eu-west-3\"",
                "\"AWS_LAMBDA_FUNCTION_NAME\":\"console-test\"");
        assertThat(environment).doesNotContain("SECRET_TOKEN", "s3cr3t");
    }

    @Test
    void theLogHasWhatWasPrintedAfterTheSequenceNumberAsked() throws Exception {
        PrintStream out = log.tee(new PrintStream(OutputStream.nullOutputStream()), "stdout");
        out.println("first line");
        out.print("second ");
        out.println("line");

        String all = get("/console/api/log/0").body();
        assertThat(all).contains("{\"kind\":\"log\",\"stream\":\"stdout\",\"text\":\"first line\",\"seq\":1}",
                "\"text\":\"second line\",\"seq\":2");
        assertThat(get("/console/api/log/1").body()).doesNotContain("first line").contains("second line");
    }

    @Test
    void aRequestNamingAnotherHostIsRefused() throws Exception {
        // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) sends its own Host.
        assertThat(rawGet("/console/api/environment", "attacker.example:" + fixture.platform.invokePort()))
                .startsWith("HTTP/1.1 403").doesNotContain("console-test");
        assertThat(rawGet("/console/api/environment", "localhost:" + fixture.platform.invokePort()))
                .startsWith("HTTP/1.1 200").contains("console-test");
    }

    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.platform.invokePort())) {
            socket.setSoTimeout((int) PlatformFixture.WAIT.toMillis());
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
