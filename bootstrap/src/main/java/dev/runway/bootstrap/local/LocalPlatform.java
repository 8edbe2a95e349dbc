package dev.runway.bootstrap.local;

import dev.runway.bootstrap.local.internal.console.ConsoleEndpoints;
import dev.runway.bootstrap.local.internal.console.ConsoleLog;
import dev.runway.bootstrap.local.internal.http.HttpServer;
import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.bootstrap.local.internal.http.Routes;
import dev.runway.bootstrap.local.internal.sandbox.CollectingResponder;
import dev.runway.bootstrap.local.internal.sandbox.ExtensionsApi;
import dev.runway.bootstrap.local.internal.sandbox.InvokeApi;
import dev.runway.bootstrap.local.internal.sandbox.InvokeRequest;
import dev.runway.bootstrap.local.internal.sandbox.PlatformConfig;
import dev.runway.bootstrap.local.internal.sandbox.RuntimeApi;
import dev.runway.bootstrap.local.internal.sandbox.Sandbox;
import dev.runway.bootstrap.local.internal.sandbox.SandboxView;
import dev.runway.bootstrap.local.internal.telemetry.TelemetryApi;
import dev.runway.bootstrap.local.internal.telemetry.TelemetryHub;
import dev.runway.extensions.telemetry.TelemetryEvent;
import dev.runway.extensions.telemetry.TelemetrySubscriber;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An embedded Lambda platform: the Runtime API, the Extensions API and the Telemetry API on one port, the
 * RIE-compatible invoke endpoint on another, and the execution environment behind them (init, invocations,
 * timeouts, crashes, extensions, shutdown), as Lambda runs a function.
 *
 * <pre>{@code
 * try (LocalPlatform platform = LocalPlatform.builder()
 *         .handler("example.Handler")
 *         .runtime(launcher)
 *         .start()) {
 *     InvokeResult result = platform.invoke("{\"name\":\"Ada\"}");
 * }
 * }</pre>
 *
 * <p>The Runtime API (with the Extensions and Telemetry APIs on its port) binds to loopback, always: it has no
 * authentication, as on Lambda, where nothing but the sandbox reaches it. Only the invoke endpoint follows
 * {@link Builder#host}.
 */
public final class LocalPlatform implements AutoCloseable {

    /** Where the Runtime, Extensions and Telemetry APIs listen, whatever the invoke endpoint's host. */
    static final String RUNTIME_API_HOST = "127.0.0.1";

    /** The invoke endpoint's path, as the RIE serves it. */
    public static final String INVOCATIONS_PATH = "/2015-03-31/functions/function/invocations";

    private final Sandbox sandbox;
    private final TelemetryHub telemetry;
    private final EventLoopGroup group;
    private final HttpServer apiServer;
    private final HttpServer invokeServer;

    private LocalPlatform(PlatformConfig config, ConsoleLog console) {
        this.sandbox = new Sandbox(config);
        this.telemetry = new TelemetryHub(config.err());
        sandbox.telemetry(telemetry);
        if (console != null) {
            telemetry.addListener(console::telemetry);
        }
        // One event loop for both servers: an invoke and its runtime's /next and /response are then handled by
        // one thread, with no wake-up of another in between (each costs tens of microseconds on a VM).
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        HttpServer api = null;
        try {
            // Loopback whatever the invoke endpoint's host: the Runtime API has no authentication.
            api = HttpServer.start(group, RUNTIME_API_HOST, config.runtimeApiPort(), apiRoutes());
            sandbox.runtimeApiAddress(RUNTIME_API_HOST + ":" + api.port());
            this.apiServer = api;
            Routes invoke = invokeRoutes();
            if (console != null) {
                new ConsoleEndpoints(sandbox, console, runtimeApiAddress()).addTo(invoke);
            }
            this.invokeServer = HttpServer.start(group, config.host(), config.invokePort(), invoke);
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** @return the Runtime, Extensions and Telemetry APIs' endpoints, over this platform's sandbox */
    Routes apiRoutes() {
        RuntimeApi runtime = new RuntimeApi(sandbox);
        ExtensionsApi extensions = new ExtensionsApi(sandbox);
        TelemetryApi telemetryApi = new TelemetryApi(telemetry, extensions::extensionName, sandbox::subscriptionsOpen);
        String r = "/2018-06-01/runtime";
        String e = "/2020-01-01/extension";
        return new Routes()
                .add("GET", r + "/invocation/next", (x, p) -> runtime.next(x))
                .add("POST", r + "/invocation/{}/response", (x, p) -> runtime.response(x, p.get(0)))
                .add("POST", r + "/invocation/{}/error", (x, p) -> runtime.error(x, p.get(0)))
                .add("POST", r + "/init/error", (x, p) -> runtime.initError(x))
                .add("GET", r + "/restore/next", (x, p) -> runtime.restoreNext(x))
                .add("POST", r + "/restore/error", (x, p) -> runtime.initError(x))
                .add("GET", "/2018-06-01/ping", (x, p) -> pong(x))
                .add("POST", e + "/register", (x, p) -> extensions.register(x))
                .add("GET", e + "/event/next", (x, p) -> extensions.next(x))
                .add("POST", e + "/init/error", (x, p) -> extensions.error(x, true))
                .add("POST", e + "/exit/error", (x, p) -> extensions.error(x, false))
                .add("PUT", "/2022-07-01/telemetry", (x, p) -> telemetryApi.subscribe(x, false))
                .add("PUT", "/2020-08-15/logs", (x, p) -> telemetryApi.subscribe(x, true));
    }

    /** @return the invoke endpoint's routes, over this platform's sandbox */
    Routes invokeRoutes() {
        InvokeApi invoke = new InvokeApi(sandbox);
        return new Routes()
                .add("POST", "/2015-03-31/functions/{}/invocations", (x, p) -> invoke.invoke(x))
                .add("POST", "/2021-11-15/functions/{}/response-streaming-invocations", (x, p) -> invoke.invoke(x));
    }

    private static dev.runway.bootstrap.local.internal.http.BodyConsumer pong(
            dev.runway.bootstrap.local.internal.http.Exchange exchange) {
        return dev.runway.bootstrap.local.internal.http.BodyConsumer.ignoring(() -> exchange.respond(200,
                "text/plain; charset=utf-8", "pong".getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** A wildcard address is no address to connect to: clients on this machine use loopback then. */
    private static String hostForClients(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** @return a builder with the RIE's defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the invoke endpoint's URL */
    public URI invokeUri() {
        return URI.create("http://" + hostForClients(sandbox.config().host()) + ":" + invokeServer.port() + INVOCATIONS_PATH);
    }

    /** @return the invoke endpoint's port */
    public int invokePort() {
        return invokeServer.port();
    }

    /** The execution environment, for the tests of this package. */
    Sandbox sandbox() {
        return sandbox;
    }

    /** @return the address the Runtime, Extensions and Telemetry APIs' socket is bound to */
    java.net.InetSocketAddress runtimeApiBoundAddress() {
        return apiServer.address();
    }

    /** @return the address the invoke endpoint's socket is bound to */
    java.net.InetSocketAddress invokeBoundAddress() {
        return invokeServer.address();
    }

    /** @return {@code host:port} of the Runtime, Extensions and Telemetry APIs, as in {@code AWS_LAMBDA_RUNTIME_API} */
    public String runtimeApiAddress() {
        return RUNTIME_API_HOST + ":" + apiServer.port();
    }

    /**
     * Invokes the function and waits for the answer, as the invoke endpoint would give it.
     *
     * @param payload the event
     * @return the answer
     */
    public InvokeResult invoke(String payload) {
        return invoke(payload.getBytes(StandardCharsets.UTF_8), null, null);
    }

    /**
     * Invokes the function and waits for the answer.
     *
     * @param payload the event
     * @param clientContext the client context, as JSON (the invoke endpoint takes it base64-encoded), or {@code null}
     * @param traceId an X-Ray trace header, or {@code null}
     * @return the answer
     */
    public InvokeResult invoke(byte[] payload, String clientContext, String traceId) {
        CollectingResponder responder = new CollectingResponder();
        sandbox.invoke(new InvokeRequest(payload, clientContext, traceId, null, "application/json", null), responder);
        try {
            // Bounded by the function timeout, which the platform enforces, plus the shutdown that follows it.
            return responder.result().get(sandbox.config().timeoutSeconds() + 30L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the invoke did not complete: " + e, e);
        }
    }

    /**
     * Retires the execution environment, as a new deployment of the function does: the runtime and the extensions
     * are shut down (SHUTDOWN {@code spindown}), and the next invoke starts a fresh environment, with a new init.
     *
     * @return whether an environment was running
     */
    public boolean redeploy() {
        return SandboxView.retire(sandbox);
    }

    /**
     * Sees every telemetry event, whether or not an extension subscribed, as the extensions SDK's
     * {@link TelemetrySubscriber} hands them to its processor: the same typed {@link TelemetryEvent}, with its JSON.
     *
     * @param listener receives each event as it is made
     */
    public void addTelemetryListener(Consumer<TelemetryEvent> listener) {
        telemetry.addListener(event -> listener.accept(typed(event)));
    }

    private static TelemetryEvent typed(Map<String, Object> event) {
        String json = Json.write(event);
        try {
            return TelemetryEvent.parse(json);
        } catch (IllegalArgumentException unreadable) {
            // Never thrown into the platform's telemetry path: the event still arrives, untyped, with its JSON.
            return new TelemetryEvent.Other((String) event.get("time"), (String) event.get("type"), json);
        }
    }

    /** Sees every telemetry event as the platform's {@code {time, type, record}} map, before it is written as JSON. */
    void addTelemetryRecordListener(Consumer<Map<String, Object>> listener) {
        telemetry.addListener(listener);
    }

    /**
     * Shuts the environment down as Lambda does (SIGTERM, SHUTDOWN to extensions, SIGKILL within 2 s), then
     * stops the servers.
     */
    @Override
    public void close() {
        sandbox.close();
        telemetry.close();
        invokeServer.close();
        apiServer.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** The function's settings, with the RIE's defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private int runtimeApiPort;
        private String functionName = "test_function";
        private String functionVersion = "$LATEST";
        private int memoryMb = 3008;
        private int timeoutSeconds = 300;
        private String handler;
        private Path taskRoot = Path.of("").toAbsolutePath();
        private Path extensionsDirectory;
        private int maxConcurrency;
        private Map<String, String> environment = new HashMap<>();
        private RuntimeLauncher runtime;
        private PrintStream out = System.out;
        private PrintStream err = System.err;
        private ConsoleLog console;

        private Builder() {}

        /** Serves the local console on the invoke endpoint's port, showing what {@code log} keeps. */
        Builder console(ConsoleLog log) {
            this.console = log;
            return this;
        }

        /** @param host the address the invoke endpoint binds, {@code 127.0.0.1} by default @return this */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** @param port the invoke endpoint's port, 8080 by default, 0 for any free one @return this */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** @param port the Runtime API's port, any free one by default @return this */
        public Builder runtimeApiPort(int port) {
            this.runtimeApiPort = port;
            return this;
        }

        /** @param name {@code AWS_LAMBDA_FUNCTION_NAME}, {@code test_function} by default @return this */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name);
            return this;
        }

        /** @param version the function version, {@code $LATEST} by default @return this */
        public Builder functionVersion(String version) {
            this.functionVersion = Objects.requireNonNull(version);
            return this;
        }

        /** @param megabytes the memory size, 3008 by default as in the RIE @return this */
        public Builder memorySize(int megabytes) {
            this.memoryMb = megabytes;
            return this;
        }

        /** @param seconds the function timeout, 300 by default @return this */
        public Builder timeoutSeconds(int seconds) {
            if (seconds < 1) {
                throw new IllegalArgumentException("the timeout is at least 1 second, got " + seconds);
            }
            this.timeoutSeconds = seconds;
            return this;
        }

        /** @param handler the handler, {@code _HANDLER} @return this */
        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        /** @param taskRoot the function's directory, the working directory by default @return this */
        public Builder taskRoot(Path taskRoot) {
            this.taskRoot = taskRoot.toAbsolutePath();
            return this;
        }

        /** @param directory where external extensions are, {@code null} (the default) for none @return this */
        public Builder extensionsDirectory(Path directory) {
            this.extensionsDirectory = directory;
            return this;
        }

        /** @param max {@code AWS_LAMBDA_MAX_CONCURRENCY}: 0 (the default) for one invocation at a time @return this */
        public Builder maxConcurrency(int max) {
            this.maxConcurrency = Math.max(0, max);
            return this;
        }

        /** @param environment the function's environment variables @return this */
        public Builder environment(Map<String, String> environment) {
            this.environment = new HashMap<>(environment);
            return this;
        }

        /** @param runtime how the runtime is started @return this */
        public Builder runtime(RuntimeLauncher runtime) {
            this.runtime = Objects.requireNonNull(runtime);
            return this;
        }

        /** @param out where START, END, REPORT and the processes' output go, standard output by default @return this */
        public Builder output(PrintStream out) {
            this.out = Objects.requireNonNull(out);
            return this;
        }

        /** @param err where the processes' standard error goes @return this */
        public Builder errors(PrintStream err) {
            this.err = Objects.requireNonNull(err);
            return this;
        }

        /**
         * Binds both servers. The runtime starts with the first invoke, as on Lambda.
         *
         * @return the running platform
         * @throws java.io.UncheckedIOException when a port is taken
         */
        public LocalPlatform start() {
            if (runtime == null) {
                throw new IllegalStateException("no runtime: call runtime(...)");
            }
            return new LocalPlatform(new PlatformConfig(host, port, runtimeApiPort, functionName, functionVersion,
                    memoryMb, timeoutSeconds, handler, taskRoot, extensionsDirectory, maxConcurrency,
                    Map.copyOf(environment), runtime, out, err), console);
        }
    }

    /** Encodes a client context for the invoke endpoint's {@code X-Amz-Client-Context} header. */
    static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
