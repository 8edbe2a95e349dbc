package dev.runway.slf4j;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.spi.MDCAdapter;

/**
 * A per-thread MDC whose entries become fields of JSON records. Not inherited by threads a thread starts (as
 * Logback's is not): the runtime sets {@code AWSRequestId} here for the thread that runs the handler, and an
 * inherited copy would keep naming an invocation long after it ended, in a pool thread working for another.
 */
final class RunwayMdcAdapter implements MDCAdapter {

    private final ThreadLocal<Map<String, String>> values = ThreadLocal.withInitial(() -> new LinkedHashMap<>(8));
    private final ThreadLocal<Map<String, Deque<String>>> deques = ThreadLocal.withInitial(HashMap::new);

    @Override
    public void put(String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null");
        }
        values.get().put(key, value);
    }

    @Override
    public String get(String key) {
        return values.get().get(key);
    }

    @Override
    public void remove(String key) {
        values.get().remove(key);
    }

    @Override
    public void clear() {
        values.get().clear();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return new LinkedHashMap<>(values.get());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        Map<String, String> map = values.get();
        map.clear();
        if (contextMap != null) {
            map.putAll(contextMap);
        }
    }

    @Override
    public void pushByKey(String key, String value) {
        deques.get().computeIfAbsent(key, k -> new ArrayDeque<>()).push(value);
    }

    @Override
    public String popByKey(String key) {
        Deque<String> deque = deques.get().get(key);
        return deque == null ? null : deque.poll();
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        Deque<String> deque = deques.get().get(key);
        return deque == null ? null : new ArrayDeque<>(deque);
    }

    @Override
    public void clearDequeByKey(String key) {
        Deque<String> deque = deques.get().get(key);
        if (deque != null) {
            deque.clear();
        }
    }

    /** @return this thread's entries, read-only, not copied: used at once, on this thread */
    Map<String, String> current() {
        Map<String, String> map = values.get();
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(map);
    }
}
