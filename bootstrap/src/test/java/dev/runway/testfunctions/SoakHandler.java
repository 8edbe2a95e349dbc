package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The soak's function. The event is {@code <kind> <id> <data>}: {@code ok} answers {@code <id> <sha-256 of data>},
 * {@code slow} does the same after 20 ms, {@code error} throws with that text as message, {@code soe} overflows
 * its stack. An id seen a second time is answered (or thrown) with {@code DUPLICATE} appended, so a caller sees
 * an event the platform handed out twice.
 */
public class SoakHandler implements RequestStreamHandler {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String[] event = new String(input.readAllBytes(), StandardCharsets.UTF_8).split(" ", 3);
        String kind = event[0];
        String id = event[1];
        String answer = id + " " + sha256(event[2]) + (SEEN.add(id) ? "" : " DUPLICATE");
        switch (kind) {
            case "ok" -> output.write(answer.getBytes(StandardCharsets.UTF_8));
            case "slow" -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                output.write(answer.getBytes(StandardCharsets.UTF_8));
            }
            case "error" -> throw new IllegalStateException(answer);
            case "soe" -> recurse(0);
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    static String sha256(String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
