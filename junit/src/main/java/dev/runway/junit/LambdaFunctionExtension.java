package dev.runway.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.runway.bootstrap.local.LocalPlatform;
import dev.runway.extensions.telemetry.TelemetryEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a Lambda function in the test JVM, behind Runway's embedded Lambda platform: the same Runtime API,
 * lifecycle, timeouts, payload limits, error documents, START/END/REPORT lines and telemetry as the platform,
 * with no Docker, no RIE and no build of a function zip. The runtime runs on threads of the test JVM; the
 * handler is loaded from the test's class path.
 *
 * <pre>{@code
 * class HelloHandlerTest {
 *     @RegisterExtension
 *     static LambdaFunctionExtension lambda = LambdaFunctionExtension.handler("example.HelloHandler").timeoutSeconds(5);
 *
 *     @Test
 *     void greets() {
 *         HelloResponse response = lambda.invoke(new HelloRequest("Ada"), HelloResponse.class);
 *         assertEquals("Hello, Ada!", response.message());
 *         assertTrue(lambda.logs().stream().anyMatch(line -> line.startsWith("REPORT RequestId:")));
 *     }
 * }
 * }</pre>
 *
 * <p>Registered on a {@code static} field, one platform serves the whole class (one cold start); on an instance
 * field, each test gets its own. The captured logs and telemetry start afresh with each test.
 */
public final class LambdaFunctionExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final String handler;
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
    private final Map<String, String> environment = new HashMap<>();
    private final List<TelemetryEvent> telemetry = new CopyOnWriteArrayList<>();
    private int timeoutSeconds = 30;
    private int memoryMb = 512;
    private int maxConcurrency;
    private String functionName = "test_function";
    private Path extensionsDirectory;
    private Path taskRoot;
    private LocalPlatform platform;
    private CapturedOutput output;
    private Path ownTaskRoot;
    private boolean perTest;

    private LambdaFunctionExtension(String handler) {
        this.handler = Objects.requireNonNull(handler);
    }

    /**
     * @param handler the handler string, as in the function's configuration: {@code pkg.Class} or {@code pkg.Class::method}
     * @return an extension for it, with a 30-second timeout and 512 MB
     */
    public static LambdaFunctionExtension handler(String handler) {
        return new LambdaFunctionExtension(handler);
    }

    /** @param handlerClass the handler class @return an extension for it */
    public static LambdaFunctionExtension handler(Class<?> handlerClass) {
        return new LambdaFunctionExtension(handlerClass.getName());
    }

    /** @param seconds the function timeout @return this */
    public LambdaFunctionExtension timeoutSeconds(int seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** @param megabytes the memory size the function sees @return this */
    public LambdaFunctionExtension memorySize(int megabytes) {
        this.memoryMb = megabytes;
        return this;
    }

    /** @param name {@code AWS_LAMBDA_FUNCTION_NAME} @return this */
    public LambdaFunctionExtension functionName(String name) {
        this.functionName = Objects.requireNonNull(name);
        return this;
    }

    /** @param name a variable of the function's environment @param value its value @return this */
    public LambdaFunctionExtension environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** @param max {@code AWS_LAMBDA_MAX_CONCURRENCY}: invocations at once (Lambda Managed Instances) @return this */
    public LambdaFunctionExtension maxConcurrency(int max) {
        this.maxConcurrency = max;
        return this;
    }

    /** @param directory external extensions to start, as from {@code /opt/extensions} @return this */
    public LambdaFunctionExtension extensionsDirectory(Path directory) {
        this.extensionsDirectory = directory;
        return this;
    }

    /** @param directory the function's task root; an empty temporary directory by default @return this */
    public LambdaFunctionExtension taskRoot(Path directory) {
        this.taskRoot = directory;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (platform == null) {
            perTest = true;
            start();
        }
        output.clear();
        telemetry.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        output = new CapturedOutput();
        try {
            Path root = taskRoot;
            if (root == null) {
                ownTaskRoot = Files.createTempDirectory("runway-junit-task");
                root = ownTaskRoot;
            }
            Map<String, String> env = new HashMap<>(System.getenv());
            env.keySet().removeIf(key -> key.startsWith("AWS_LAMBDA_") || key.equals("_HANDLER") || key.startsWith("RUNWAY_"));
            env.putAll(environment);
            List<java.util.function.Consumer<String>> logTargets = new CopyOnWriteArrayList<>();
            output.addListener(line -> logTargets.forEach(target -> target.accept(line)));
            platform = LocalPlatform.builder()
                    .port(0)
                    .handler(handler)
                    .functionName(functionName)
                    .timeoutSeconds(timeoutSeconds)
                    .memorySize(memoryMb)
                    .maxConcurrency(maxConcurrency)
                    .taskRoot(root)
                    .extensionsDirectory(extensionsDirectory)
                    .environment(env)
                    .runtime(new InProcessRuntime(logTargets::add))
                    .output(output.platformStream())
                    .errors(output.platformStream())
                    .start();
            platform.addTelemetryListener(telemetry::add);
        } catch (IOException e) {
            output.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            output.close();
            throw e;
        }
    }

    private void stop() {
        if (platform != null) {
            platform.close();
            platform = null;
        }
        if (output != null) {
            output.close();
        }
        if (ownTaskRoot != null) {
            try {
                Files.deleteIfExists(ownTaskRoot);
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }

    /**
     * Invokes the function with an event: a {@link String} or {@code byte[]} as is, anything else as JSON.
     *
     * @param event the event
     * @return what the caller gets back, error or not
     */
    public LambdaResponse invoke(Object event) {
        return new LambdaResponse(running().invoke(payload(event), null, null), json);
    }

    /**
     * Invokes the function and reads its result.
     *
     * @param event the event
     * @param resultType the result's type
     * @param <T> the result's type
     * @return the result
     * @throws LambdaFunctionException when the function or the platform failed: the error is in it
     */
    public <T> T invoke(Object event, Class<T> resultType) {
        return invoke(event).as(resultType);
    }

    /**
     * Invokes the function with a client context, as a mobile SDK would.
     *
     * @param event the event
     * @param clientContextJson the client context, JSON
     * @return what the caller gets back
     */
    public LambdaResponse invokeWithClientContext(Object event, String clientContextJson) {
        return new LambdaResponse(running().invoke(payload(event), clientContextJson, null), json);
    }

    /** @return every line printed since the test began: the function's output and START, END, REPORT */
    public List<String> logs() {
        return output == null ? List.of() : output.lines();
    }

    /**
     * @return the telemetry events since the test began, typed as the extensions SDK's subscriber gets them
     *     ({@link TelemetryEvent.Log} for the function's lines, {@link TelemetryEvent.Report} with its duration, ...)
     */
    public List<TelemetryEvent> telemetry() {
        return new ArrayList<>(telemetry);
    }

    /** @return the telemetry events of one type, such as {@code platform.report} */
    public List<TelemetryEvent> telemetry(String type) {
        return telemetry.stream().filter(event -> event.type().equals(type)).toList();
    }

    /** @return the RIE-compatible invoke endpoint, for tests that use HTTP */
    public URI invokeUri() {
        return running().invokeUri();
    }

    /** @return {@code host:port} of the Runtime API, as in {@code AWS_LAMBDA_RUNTIME_API} */
    public String runtimeApiAddress() {
        return running().runtimeApiAddress();
    }

    private LocalPlatform running() {
        if (platform == null) {
            throw new IllegalStateException("the function is not running: register the extension with @RegisterExtension");
        }
        return platform;
    }

    private byte[] payload(Object event) {
        if (event instanceof byte[] bytes) {
            return bytes;
        }
        if (event instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the event as JSON", e);
        }
    }
}
