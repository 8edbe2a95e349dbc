package dev.runway.ric.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Bytes cut into the pieces a peer might send them in, for the fuzz tests of the HTTP readers. */
public final class Pieces {

    private Pieces() {}

    /**
     * @param bytes what is sent
     * @param points where to cut it; points outside the bytes and repeats are ignored
     * @return the pieces, in order, which together are {@code bytes}
     */
    public static List<byte[]> split(byte[] bytes, List<Integer> points) {
        List<Integer> cuts = points.stream().filter(p -> p > 0 && p < bytes.length).distinct().sorted().toList();
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            pieces.add(Arrays.copyOfRange(bytes, from, cut));
            from = cut;
        }
        pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return pieces;
    }
}
