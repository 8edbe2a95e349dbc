package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The OpenTelemetry Java agent, added as the OTel and ADOT Lambda layers add it: through {@code JAVA_TOOL_OPTIONS},
 * or through a wrapper script named by {@code AWS_LAMBDA_EXEC_WRAPPER} that sets it. It needs
 * {@code java.instrument} (and, for its own metrics, {@code jdk.management}): the earlier JRE could not start it.
 * Its spans go over OTLP/HTTP to the test's receiver: one server span per invocation, carrying the invocation's
 * request id, on Runway's layer as on the official RIC.
 */
class OpenTelemetryAgentIT {

    private static final String APP = "logback";
    private static final String HANDLER = "dev.runway.compat.logback.LogbackHandler::handleRequest";

    /** How the agent is added. */
    enum Attach { JAVA_TOOL_OPTIONS, EXEC_WRAPPER }

    @ParameterizedTest
    @EnumSource(Attach.class)
    void one_server_span_per_invocation_with_the_request_id(Attach attach) {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Map<String, String> configuration = configuration(attach, receiver);
            String[] events = {"{\"a\":1}", "{\"b\":2,\"c\":3}", "{}"};
            Answers runway = Answers.of(Runtime.RUNWAY_LAYER, APP, HANDLER, configuration, events);
            List<Span> runwaySpans = receiver.await(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER, 3);
            receiver.clear();
            Answers official = Answers.of(Runtime.OFFICIAL_RIC, APP, HANDLER, configuration, events);
            List<Span> officialSpans = receiver.await(span -> span.getKind() == Span.SpanKind.SPAN_KIND_SERVER, 3);

            assertThat(runway.withoutRequestIds()).isEqualTo(official.withoutRequestIds());
            assertThat(runway.log()).contains("opentelemetry-javaagent");
            assertOneServerSpanPerInvocation(runway, runwaySpans);
            assertOneServerSpanPerInvocation(official, officialSpans);
            // The same span, attribute for attribute, apart from the values that differ between any two runs.
            assertThat(keys(runwaySpans.get(0))).isEqualTo(keys(officialSpans.get(0)));
            assertThat(runwaySpans.get(0).getName()).isEqualTo(officialSpans.get(0).getName());
        }
    }

    private static void assertOneServerSpanPerInvocation(Answers run, List<Span> spans) {
        assertThat(spans).as(run.log()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String id = run.requestIds().get(i);
            assertThat(spans).as("the server span of " + id)
                    .filteredOn(span -> span.getAttributesList().stream()
                            .anyMatch(kv -> kv.getKey().equals("faas.invocation_id")
                                    && kv.getValue().getStringValue().equals(id)))
                    .hasSize(1);
        }
    }

    private static List<String> keys(Span span) {
        return span.getAttributesList().stream().map(KeyValue::getKey).sorted().toList();
    }

    private static Map<String, String> configuration(Attach attach, OtlpReceiver receiver) {
        Path agent = Compat.AGENTS.resolve("opentelemetry-javaagent.jar").toAbsolutePath();
        Map<String, String> env = new HashMap<>(Map.of(
                "OTEL_SERVICE_NAME", "compat-otel",
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.tracesEndpoint(),
                "OTEL_METRICS_EXPORTER", "none",
                "OTEL_LOGS_EXPORTER", "none"));
        if (attach == Attach.JAVA_TOOL_OPTIONS) {
            env.put("JAVA_TOOL_OPTIONS", "-javaagent:" + agent);
        } else {
            env.put("AWS_LAMBDA_EXEC_WRAPPER", wrapper(agent).toString());
        }
        return env;
    }

    /** The wrapper an agent's layer ships: adds the agent to JAVA_TOOL_OPTIONS and runs the runtime's command. */
    private static Path wrapper(Path agent) {
        Path script = Compat.directory("otel").resolve("otel-handler");
        try {
            Files.writeString(script, """
                    #!/bin/sh
                    export JAVA_TOOL_OPTIONS="-javaagent:%s ${JAVA_TOOL_OPTIONS:-}"
                    exec "$@"
                    """.formatted(agent));
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }
}
