package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documents the platform sends: extension events, and the records of the Telemetry API's platform events. */
final class PlatformEvents {

    private PlatformEvents() {}

    static String invokeEvent(Invocation invocation, String functionArn) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "INVOKE");
        event.put("deadlineMs", invocation.deadlineMs);
        event.put("requestId", invocation.requestId);
        event.put("invokedFunctionArn", functionArn);
        if (invocation.request.traceId() != null) {
            event.put("tracing", Map.of("type", "X-Amzn-Trace-Id", "value", invocation.request.traceId()));
        }
        return Json.write(event);
    }

    static String shutdownEvent(String reason, long deadlineMs) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventType", "SHUTDOWN");
        event.put("deadlineMs", deadlineMs);
        event.put("shutdownReason", reason);
        return Json.write(event);
    }

    static Map<String, Object> initStart(PlatformConfig config) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("initializationType", initializationType(config));
        record.put("phase", "init");
        record.put("runtimeVersion", "runway");
        record.put("functionName", config.functionName());
        record.put("functionVersion", config.functionVersion());
        return record;
    }

    static Map<String, Object> initRuntimeDone(PlatformConfig config, String status, String errorType) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("initializationType", initializationType(config));
        record.put("phase", "init");
        record.put("status", status);
        if (errorType != null) {
            record.put("errorType", errorType);
        }
        return record;
    }

    static Map<String, Object> initReport(PlatformConfig config, String status, double durationMs) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("initializationType", initializationType(config));
        record.put("phase", "init");
        record.put("status", status);
        record.put("metrics", Map.of("durationMs", ms(durationMs)));
        return record;
    }

    static Map<String, Object> start(Invocation invocation, PlatformConfig config) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestId", invocation.requestId);
        record.put("version", config.functionVersion());
        if (invocation.request.traceId() != null) {
            record.put("tracing", Map.of("type", "X-Amzn-Trace-Id", "value", invocation.request.traceId()));
        }
        return record;
    }

    static Map<String, Object> runtimeDone(Invocation invocation, String status, double durationMs) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestId", invocation.requestId);
        record.put("status", status == null ? "success" : status);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("durationMs", ms(durationMs));
        metrics.put("producedBytes", invocation.producedBytes);
        record.put("metrics", metrics);
        return record;
    }

    static Map<String, Object> report(Invocation invocation, PlatformConfig config, String status, String errorType,
            double durationMs, double initDurationMs, long maxMemoryMb) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestId", invocation.requestId);
        record.put("status", status == null ? "success" : status);
        if (errorType != null) {
            record.put("errorType", errorType);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("durationMs", ms(durationMs));
        metrics.put("billedDurationMs", Reports.billedMs(durationMs, initDurationMs));
        metrics.put("memorySizeMB", config.memoryMb());
        metrics.put("maxMemoryUsedMB", maxMemoryMb);
        if (initDurationMs >= 0) {
            metrics.put("initDurationMs", ms(initDurationMs));
        }
        record.put("metrics", metrics);
        return record;
    }

    static Map<String, Object> extension(String name, List<String> events) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("name", name);
        record.put("state", "Ready");
        record.put("events", events);
        return record;
    }

    private static String initializationType(PlatformConfig config) {
        return config.concurrent() ? "lambda-managed-instances" : "on-demand";
    }

    private static BigDecimal ms(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }
}
