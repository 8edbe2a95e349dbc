package software.amazon.awssdk.utils.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * A stand-in with the public surface of the AWS SDK v2 class of the same name (static {@code put}, {@code get},
 * {@code remove}), so the tests can see the trace id the runtime publishes per thread without depending on the SDK.
 */
public final class SdkInternalThreadLocal {

    private static final ThreadLocal<Map<String, String>> VALUES = ThreadLocal.withInitial(HashMap::new);

    private SdkInternalThreadLocal() {}

    public static void put(String key, String value) {
        VALUES.get().put(key, value);
    }

    public static String get(String key) {
        return VALUES.get().get(key);
    }

    public static String remove(String key) {
        return VALUES.get().remove(key);
    }
}
