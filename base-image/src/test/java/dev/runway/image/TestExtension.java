package dev.runway.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An external extension for the container tests, run from {@code /opt/extensions/test-extension} on the image's own
 * JRE: registers for INVOKE and SHUTDOWN, then prints every event it gets on stdout (the container's log), where
 * {@link ContainerIT} looks for it. java.base only, so it runs on the shipped JRE whatever its modules.
 */
public final class TestExtension {

    private TestExtension() {}

    /**
     * Runs the extension until SHUTDOWN.
     *
     * @param args none
     * @throws IOException when the Extensions API fails
     */
    public static void main(String[] args) throws IOException {
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2020-01-01/extension";
        HttpURLConnection register = (HttpURLConnection) URI.create(api + "/register").toURL().openConnection();
        register.setRequestMethod("POST");
        register.setDoOutput(true);
        // The name must be the file name in /opt/extensions.
        register.setRequestProperty("Lambda-Extension-Name", "test-extension");
        register.setRequestProperty("Content-Type", "application/json");
        register.getOutputStream().write("{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}".getBytes(StandardCharsets.UTF_8));
        String id = register.getHeaderField("Lambda-Extension-Identifier");
        drain(register.getInputStream());
        System.out.println("[test-extension] registered, id " + id);
        while (true) {
            HttpURLConnection next = (HttpURLConnection) URI.create(api + "/event/next").toURL().openConnection();
            next.setRequestProperty("Lambda-Extension-Identifier", id);
            String event;
            try (InputStream in = next.getInputStream()) {
                event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            System.out.println("[test-extension] event " + event.replace('\n', ' '));
            System.out.flush();
            if (event.contains("\"SHUTDOWN\"")) {
                return;
            }
        }
    }

    private static void drain(InputStream in) throws IOException {
        try (in) {
            in.readAllBytes();
        }
    }
}
