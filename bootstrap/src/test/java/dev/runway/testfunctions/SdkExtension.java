package dev.runway.testfunctions;

import dev.runway.extensions.Event;
import dev.runway.extensions.EventType;
import dev.runway.extensions.Extension;
import dev.runway.extensions.ExtensionName;
import dev.runway.extensions.ExtensionsApiException;
import dev.runway.extensions.ExtensionsClient;
import dev.runway.extensions.telemetry.TelemetryEvent;
import dev.runway.extensions.telemetry.TelemetrySubscriber;
import dev.runway.extensions.telemetry.TelemetryType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;

/**
 * An external extension written with the SDK, for the extensions tests: launched by a shell launcher that passes
 * its file name ({@code -Drunway.extension.name}). It writes one line per thing that happens to
 * {@code $TEST_EXTENSION_LOG}. Modes: {@code normal} (INVOKE and SHUTDOWN, telemetry subscriber, flush on
 * runtimeDone), {@code init-error} (its init hook throws), {@code never-register}, {@code late-register} (tries a
 * second registration during an invocation), {@code fail-on-invoke} (its processor throws), {@code crash-on-invoke}
 * (exits 2 on INVOKE).
 */
public final class SdkExtension {

    private SdkExtension() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "normal";
        String name = ExtensionName.resolve();
        if (mode.equals("never-register")) {
            log(name + " sleeps");
            Thread.sleep(Long.MAX_VALUE);
        }
        TelemetrySubscriber telemetry = TelemetrySubscriber.builder().port(0).types(TelemetryType.PLATFORM)
                .processor(batch -> {
                    for (TelemetryEvent event : batch) {
                        log(name + " telemetry " + event.type() + (event instanceof TelemetryEvent.Start start
                                ? " " + start.requestId() : event instanceof TelemetryEvent.RuntimeDone done ? " " + done.requestId() : ""));
                    }
                }).build();
        Extension.builder()
                .events(EventType.INVOKE, EventType.SHUTDOWN)
                .onInit(registration -> {
                    log(name + " registered " + registration.functionName() + " " + registration.handler() + " "
                            + registration.accountId().orElse("-"));
                    if (mode.equals("init-error")) {
                        throw new IllegalStateException("cannot start on purpose");
                    }
                    log(name + " subscription " + telemetry.start(registration));
                })
                .onEvent(event -> {
                    switch (event) {
                        case Event.Invoke invoke -> {
                            log(name + " INVOKE " + invoke.requestId() + " " + invoke.invokedFunctionArn());
                            if (mode.equals("crash-on-invoke")) {
                                System.exit(2);
                            }
                            if (mode.equals("fail-on-invoke")) {
                                throw new IOException("failing on purpose");
                            }
                            if (mode.equals("late-register")) {
                                lateRegistration(name);
                            }
                            log(name + " runtimeDone " + invoke.requestId() + " "
                                    + telemetry.awaitRuntimeDone(invoke.requestId(), invoke.deadlineMs()));
                        }
                        case Event.Shutdown shutdown -> {
                            log(name + " SHUTDOWN " + shutdown.reason() + " " + shutdown.deadlineMs());
                            telemetry.flush(shutdown.deadlineMs() - 200);
                            telemetry.close();
                            log(name + " exits");
                        }
                    }
                })
                .build().runAndExit();
    }

    private static void lateRegistration(String name) {
        try (ExtensionsClient late = ExtensionsClient.fromEnvironment()) {
            late.register(name + "-late", EnumSet.of(EventType.INVOKE));
            log(name + " late registration accepted");
        } catch (ExtensionsApiException e) {
            log(name + " late registration refused " + e.status() + " " + e.errorType());
        }
    }

    static synchronized void log(String line) {
        try {
            Files.writeString(Path.of(System.getenv("TEST_EXTENSION_LOG")), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
