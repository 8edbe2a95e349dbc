package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.bootstrap.local.internal.http.HttpServer;
import dev.runway.ric.internal.error.ErrorReport;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Security regressions of local mode: the unauthenticated Runtime API (and the Extensions and Telemetry APIs on
 * its port) never listens on a non-loopback address, whatever the flags; the request head local mode accepts
 * holds the runtime's largest X-Ray cause; a caller-chosen request id cannot be in flight twice.
 */
class ExposureTest {

    private static final String R = "/2018-06-01/runtime/invocation/";

    static List<List<String>> flagCombinations() {
        List<List<String>> combinations = new ArrayList<>();
        for (String invoke : new String[] {null, "--host 0.0.0.0", "--host 127.0.0.1", "--host ::",
                "--runtime-interface-emulator-address 0.0.0.0:0", "--runtime-interface-emulator-address :0",
                "--runtime-interface-emulator-address 127.0.0.1:0"}) {
            for (String api : new String[] {null, "--runtime-api-address 127.0.0.1:0",
                    "--runtime-api-address localhost:0", "--runtime-api-port 0"}) {
                List<String> args = new ArrayList<>();
                if (invoke != null) {
                    args.addAll(List.of(invoke.split(" ")));
                }
                if (api != null) {
                    args.addAll(List.of(api.split(" ")));
                }
                combinations.add(args);
            }
        }
        return combinations;
    }

    @ParameterizedTest
    @MethodSource("flagCombinations")
    void theRuntimeApiListensOnLoopbackOnlyWhateverTheFlags(List<String> args) {
        LocalOptions options = LocalOptions.parse(args, Map.of());
        try (LocalPlatform platform = LocalPlatform.builder().host(options.host()).port(0)
                .runtimeApiPort(options.runtimeApiPort()).handler("test.Handler").runtime(new TestRuntime()).start()) {
            InetSocketAddress bound = platform.runtimeApiBoundAddress();
            assertThat(bound.getAddress().isLoopbackAddress()).as("Runtime API bound to %s", bound).isTrue();
            assertThat(platform.runtimeApiAddress()).isEqualTo("127.0.0.1:" + bound.getPort());
        }
    }

    @Test
    void aNonLoopbackRuntimeApiAddressIsRefusedWithItsReason() {
        for (String address : List.of("0.0.0.0:9001", ":9001", "[::]:9001", "192.168.1.2:9001")) {
            assertThatThrownBy(() -> LocalOptions.parse(List.of("--runtime-api-address", address), Map.of()))
                    .hasMessageContaining("loopback only");
        }
    }

    @Test
    void theHeadLimitHoldsTheRuntimesLargestXrayCause() throws Exception {
        assertThat(HttpServer.MAX_HEADER_BYTES).isGreaterThanOrEqualTo(ErrorReport.MAX_XRAY_CAUSE_BYTES);
        try (PlatformFixture fixture = new PlatformFixture()) {
            CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
            fixture.runtime.awaitStart();
            HttpResponse<String> event = fixture.next();
            String id = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            String cause = "{\"working_directory\":\"/var/task\",\"exceptions\":[],\"paths\":[],\"pad\":\""
                    + "x".repeat(ErrorReport.MAX_XRAY_CAUSE_BYTES - 100) + "\"}";
            assertThat(cause.length()).isLessThanOrEqualTo(ErrorReport.MAX_XRAY_CAUSE_BYTES);
            HttpResponse<String> posted = fixture.post(R + id + "/error",
                    "{\"errorMessage\":\"deep\",\"errorType\":\"java.lang.IllegalStateException\"}",
                    "Lambda-Runtime-Function-Error-Type", "Runtime.UserException",
                    "Lambda-Runtime-Function-XRay-Error-Cause", cause);
            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(invoke.get(30, TimeUnit.SECONDS).body()).contains("java.lang.IllegalStateException");
        }
    }

    @Test
    void aRequestIdAlreadyInFlightIsRefusedUnderMaxConcurrency() throws Exception {
        try (PlatformFixture fixture = new PlatformFixture(b -> b.maxConcurrency(2))) {
            CompletableFuture<HttpResponse<String>> first = fixture.invoke("1", "X-Amzn-RequestId", "same-id");
            fixture.runtime.awaitStart();
            HttpResponse<String> event = fixture.next();
            assertThat(event.headers().firstValue("Lambda-Runtime-Aws-Request-Id")).contains("same-id");
            CompletableFuture<HttpResponse<String>> otherLoop = fixture.nextAsync();

            HttpResponse<String> second = fixture.invoke("2", "X-Amzn-RequestId", "same-id").get(30, TimeUnit.SECONDS);
            assertThat(second.statusCode()).isEqualTo(400);
            assertThat(second.body()).contains("InvalidRequestID");

            assertThat(fixture.post(R + "same-id/response", "done 1").statusCode()).isEqualTo(202);
            assertThat(first.get(30, TimeUnit.SECONDS).body()).isEqualTo("done 1");
            assertThat(otherLoop.isDone()).isFalse();
        }
    }
}
