package dev.runway.compat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server of the test's own on a free loopback port, with a fresh self-signed EC certificate for
 * {@code localhost} (made by the JDK's keytool) and a trust store holding only that certificate, which the function's
 * JVM is given. It answers every request with one handler and records the requests.
 */
final class TlsEndpoint implements AutoCloseable {

    static final String PASSWORD = "compat-pass";

    /** What the server saw of one request. */
    record Request(String method, String path, String target, String authorization, String body) {}

    private final HttpsServer server;
    private final Path trustStore;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private TlsEndpoint(HttpsServer server, Path trustStore) {
        this.server = server;
        this.trustStore = trustStore;
    }

    /**
     * @param dir where the key store and the trust store go
     * @param contentType the answers' content type
     * @param answer the answer's body for a request's body
     */
    static TlsEndpoint start(Path dir, String contentType, java.util.function.UnaryOperator<String> answer) {
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        Path trustStore = dir.resolve("trust.p12");
        Compat.deleteTree(dir);
        Compat.directory(dir.getFileName().toString());
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Compat.run(keytool, "-genkeypair", "-alias", "compat", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Compat.run(keytool, "-exportcert", "-alias", "compat", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", certificate.toString());
        Compat.run(keytool, "-importcert", "-noprompt", "-alias", "compat", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            TlsEndpoint endpoint = new TlsEndpoint(server, trustStore);
            server.createContext("/", endpoint.handler(contentType, answer));
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpHandler handler(String contentType, java.util.function.UnaryOperator<String> answer) {
        return (HttpExchange exchange) -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                byte[] out = answer.apply(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
            }
        };
    }

    /** @return {@code https://localhost:<port>}, the name the certificate is for */
    String url() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    /** @return JVM options that make the function trust this server's certificate, and nothing else new */
    String trustOptions() {
        return "-Djavax.net.ssl.trustStore=" + trustStore + " -Djavax.net.ssl.trustStoreType=PKCS12"
                + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
