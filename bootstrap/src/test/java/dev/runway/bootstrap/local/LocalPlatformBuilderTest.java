package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link LocalPlatform.Builder#start()} takes the builder's settings as they are: later changes reach nothing. */
class LocalPlatformBuilderTest {

    @Test
    void changingTheBuilderOrItsEnvironmentMapAfterStartChangesNothingInThePlatform() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("GREETING", "hello"));
        TestRuntime late = new TestRuntime();
        AtomicReference<LocalPlatform.Builder> held = new AtomicReference<>();
        try (PlatformFixture fixture = new PlatformFixture(builder -> {
            held.set(builder);
            return builder.functionName("first").memorySize(512).timeoutSeconds(30).environment(environment);
        })) {
            held.get().functionName("second").memorySize(1024).timeoutSeconds(60).handler("other.Handler").runtime(late)
                    .environment(Map.of("GREETING", "changed"));
            environment.put("GREETING", "mutated");
            environment.put("EXTRA", "added");

            CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
            TestRuntime.Instance started = fixture.runtime.awaitStart();
            assertThat(started.environment).containsEntry("AWS_LAMBDA_FUNCTION_NAME", "first")
                    .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512").containsEntry("_HANDLER", "test.Handler")
                    .containsEntry("GREETING", "hello").doesNotContainKey("EXTRA");
            String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            fixture.post("/2018-06-01/runtime/invocation/" + id + "/response", "\"done\"");
            assertThat(invoke.get(30, TimeUnit.SECONDS).body()).isEqualTo("\"done\"");
        }
    }
}
