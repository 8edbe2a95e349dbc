package dev.runway.bench.concurrency;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What this machine gives {@link ConcurrencyBenchmark}'s traffic with no HTTP, no platform and no runtime: N
 * clients, each sending one byte over loopback TCP to a relay thread, which passes it to a worker thread over a
 * second connection; the worker waits the same time as the benchmark's function and answers the nanoseconds it
 * waited, back through the relay. Four socket hops per call, as an invoke through local mode has (client, platform,
 * runtime, platform, client), blocking threads all the way, in one JVM. Prints throughput and the latency added to
 * the wait, p50, p99 and p99.9, measured the same way as the benchmark: the floor under its figures.
 *
 * <pre>{@code
 * java -cp jmh/target/benchmarks.jar dev.runway.bench.concurrency.RelayFloor [clients 32] [seconds 20] [wait ms 5]
 * }</pre>
 */
public final class RelayFloor {

    private RelayFloor() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int waitMs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.println(row(clients, seconds, seconds, waitMs));
    }

    /**
     * Warms up, measures, and returns the figures as a row of {@link ConcurrencyBenchmark}'s table, so that the
     * benchmark can put the floor of the same minutes beside its own (this machine's floor moves several-fold
     * within an hour).
     */
    static String row(int clients, int warmupSeconds, int seconds, int waitMs) throws Exception {
        try (ServerSocket workers = new ServerSocket(0); ServerSocket relay = new ServerSocket(0)) {
            accept(workers, socket -> work(socket, waitMs));
            int workerPort = workers.getLocalPort();
            accept(relay, socket -> relay(socket, workerPort));
            run(relay.getLocalPort(), clients, warmupSeconds);
            long start = System.nanoTime();
            long[] added = run(relay.getLocalPort(), clients, seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            Arrays.sort(added);
            return String.format("| relay floor | %d | %.0f | %.2f | %.2f | %.2f | |", clients, added.length / elapsed,
                    ConcurrencyBenchmark.percentile(added, 0.5), ConcurrencyBenchmark.percentile(added, 0.99),
                    ConcurrencyBenchmark.percentile(added, 0.999));
        }
    }

    private interface Connection {
        void serve(Socket socket) throws Exception;
    }

    /** Serves every connection on a thread of its own, until the server socket closes. */
    private static void accept(ServerSocket server, Connection connection) {
        Thread.ofPlatform().daemon().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    socket.setTcpNoDelay(true);
                    Thread.ofPlatform().daemon().start(() -> {
                        try (socket) {
                            connection.serve(socket);
                        } catch (Exception closed) {
                            // the client went away: this connection is done
                        }
                    });
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** The function: one byte in, a wait, the nanoseconds it measured out. */
    private static void work(Socket socket, int waitMs) throws Exception {
        InputStream in = socket.getInputStream();
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        while (in.read() >= 0) {
            long begin = System.nanoTime();
            Thread.sleep(waitMs);
            out.writeLong(System.nanoTime() - begin);
            out.flush();
        }
    }

    /** The platform: each call passed to the worker and its answer back, one connection to the worker per client. */
    private static void relay(Socket client, int workerPort) throws IOException {
        try (Socket worker = new Socket()) {
            worker.setTcpNoDelay(true);
            worker.connect(new InetSocketAddress("127.0.0.1", workerPort));
            InputStream fromClient = client.getInputStream();
            OutputStream toClient = client.getOutputStream();
            DataInputStream fromWorker = new DataInputStream(worker.getInputStream());
            OutputStream toWorker = worker.getOutputStream();
            byte[] answer = new byte[Long.BYTES];
            for (int call; (call = fromClient.read()) >= 0; ) {
                toWorker.write(call);
                fromWorker.readFully(answer);
                toClient.write(answer);
            }
        }
    }

    /** {@code clients} threads call until {@code seconds} have passed; returns each call's latency minus the wait. */
    private static long[] run(int port, int clients, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] added = new long[clients][];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread.ofPlatform().start(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress("127.0.0.1", port));
                    OutputStream out = socket.getOutputStream();
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    while (System.nanoTime() < deadline) {
                        long begin = System.nanoTime();
                        out.write(1);
                        long waited = in.readLong();
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - begin - waited;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    added[client] = Arrays.copyOf(mine, n);
                    done.countDown();
                }
            });
        }
        done.await();
        return Arrays.stream(added).flatMapToLong(Arrays::stream).toArray();
    }
}
