package dev.runway.bench.jmh;

import dev.runway.bench.floor.FloorClient;
import dev.runway.bench.server.RuntimeApiServer;
import dev.runway.bench.server.Session;
import dev.runway.ric.internal.api.Invocation;
import dev.runway.ric.internal.api.PostResult;
import dev.runway.ric.internal.api.RuntimeApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The loop's hot path without the handler: one {@code GET /next} plus one {@code POST /{id}/response}, over a
 * keep-alive loopback connection to the harness's {@link RuntimeApiServer} running in the same JVM. It compares
 * Runway's {@link RuntimeApiClient} with the {@link FloorClient}'s hand-rolled minimum, so any gap is the cost of
 * what Runway does on top: parsing every Lambda header into an {@link Invocation}, retries, safe header writing.
 *
 * <p>How to run (after {@code ./mvnw -B -q -pl jmh -am package -DskipTests}):
 * <pre>
 * taskset -c 1 java -jar jmh/target/benchmarks.jar RoundTripBenchmark
 * java -jar jmh/target/benchmarks.jar RoundTripBenchmark -prof gc     # allocation per round trip
 * java -jar jmh/target/benchmarks.jar -h                              # every JMH option
 * </pre>
 * {@code taskset -c 1} keeps the client and server threads on one CPU: on a virtual machine a cross-CPU wake-up
 * costs a hypervisor round trip that varies from run to run and would dominate the figure (see
 * {@code CpuPinning} in the harness). The forked JVM gets the Lambda flags (Serial GC, C1 only), since that is
 * the compiler the loop runs under on Lambda. Sample-time mode reports p50, p90, p99 and more, in microseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:MaxHeapSize=445645k",
        "-XX:MaxRAM=512m"})
public class RoundTripBenchmark {

    /** A typical small event, the same one the cold-start harness sends. */
    private static final byte[] EVENT =
            "{\"name\":\"bench\",\"count\":3,\"tags\":[\"cold\",\"warm\",\"start\"]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RESPONSE =
            "{\"message\":\"Hello, bench!\",\"total\":9,\"requestId\":\"8e0d1f3a-0000-4000-8000-000000000001\"}"
                    .getBytes(StandardCharsets.UTF_8);

    private RuntimeApiServer server;
    private RuntimeApiClient runway;
    private FloorClient floor;

    /**
     * Starts the server and connects both clients.
     *
     * @throws IOException when the server cannot start
     */
    @Setup(Level.Trial)
    public void start() throws IOException {
        server = RuntimeApiServer.start();
        server.serve(Session.endless(EVENT));
        runway = RuntimeApiClient.create(server.address());
        floor = FloorClient.connect(server.address());
    }

    /**
     * Closes the clients and the server.
     *
     * @throws IOException when closing fails
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        runway.close();
        floor.close();
        server.close();
    }

    /**
     * Runway: {@code next()} then {@code postResponse()}.
     *
     * @return the platform's answer, so the work cannot be optimized away
     */
    @Benchmark
    public PostResult runway() {
        Invocation invocation = runway.next();
        return runway.postResponse(invocation.requestId(), RESPONSE, RESPONSE.length);
    }

    /**
     * The floor: the same two calls, hand-rolled.
     *
     * @return the request id, so the work cannot be optimized away
     * @throws IOException when the connection fails
     */
    @Benchmark
    public String floor() throws IOException {
        String id = floor.next();
        floor.respond(id, RESPONSE, RESPONSE.length);
        return id;
    }
}
