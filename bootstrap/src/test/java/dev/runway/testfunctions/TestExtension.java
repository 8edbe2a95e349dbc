package dev.runway.testfunctions;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An external extension for the extensions host's tests, started by a launcher script named like the
 * extension: {@code TestExtension <name> [mode]}. It registers for INVOKE and SHUTDOWN and writes what it
 * gets, one line each, to {@code $TEST_EXTENSION_LOG}. Modes: {@code normal}; {@code crash-on-invoke} (exits 2
 * on INVOKE); {@code exit-before-register} (exits 4 at once).
 */
public final class TestExtension {

    private TestExtension() {}

    public static void main(String[] args) throws IOException {
        String name = args[0];
        String mode = args.length > 1 ? args[1] : "normal";
        Path log = Path.of(System.getenv("TEST_EXTENSION_LOG"));
        if (mode.equals("exit-before-register")) {
            System.exit(4);
        }
        String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2020-01-01/extension/";
        HttpURLConnection register = (HttpURLConnection) URI.create(api + "register").toURL().openConnection();
        register.setRequestMethod("POST");
        register.setDoOutput(true);
        register.setRequestProperty("Lambda-Extension-Name", name);
        try (OutputStream out = register.getOutputStream()) {
            out.write("{\"events\":[\"INVOKE\",\"SHUTDOWN\"]}".getBytes(StandardCharsets.UTF_8));
        }
        String id = register.getHeaderField("Lambda-Extension-Identifier");
        write(log, name + " registered " + register.getResponseCode() + " " + new String(register.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
        System.out.println(name + " is ready");
        while (true) {
            HttpURLConnection next = (HttpURLConnection) URI.create(api + "event/next").toURL().openConnection();
            next.setRequestProperty("Lambda-Extension-Identifier", id);
            String event = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            write(log, name + " event " + event);
            if (event.contains("\"SHUTDOWN\"")) {
                write(log, name + " exits");
                System.exit(0);
            }
            if (mode.equals("crash-on-invoke")) {
                System.exit(2);
            }
        }
    }

    private static synchronized void write(Path log, String line) throws IOException {
        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
