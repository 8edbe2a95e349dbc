package dev.runway.ric.internal.crac;

import dev.runway.ric.crac.CheckpointException;
import dev.runway.ric.crac.Context;
import dev.runway.ric.crac.Resource;
import dev.runway.ric.crac.RestoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The global context: resources notified before the snapshot in the reverse order of their registration (the last
 * one opened is the first one closed), after the restore in their order, every resource even when one fails, the
 * failures collected as suppressed exceptions.
 */
public final class OrderedContext extends Context<Resource> {

    private final Map<Resource, Long> resources = new WeakHashMap<>();
    private long registrations;

    @Override
    public synchronized void register(Resource resource) {
        resources.put(resource, registrations++);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
        CheckpointException failure = null;
        List<Resource> ordered = inRegistrationOrder();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            try {
                ordered.get(i).beforeCheckpoint(this);
            } catch (Exception e) {
                failure = failure == null ? new CheckpointException() : failure;
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws RestoreException {
        RestoreException failure = null;
        for (Resource resource : inRegistrationOrder()) {
            try {
                resource.afterRestore(this);
            } catch (Exception e) {
                failure = failure == null ? new RestoreException() : failure;
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized List<Resource> inRegistrationOrder() {
        List<Map.Entry<Resource, Long>> entries = new ArrayList<>(resources.entrySet());
        entries.sort(Map.Entry.comparingByValue());
        List<Resource> ordered = new ArrayList<>(entries.size());
        for (Map.Entry<Resource, Long> entry : entries) {
            ordered.add(entry.getKey());
        }
        return ordered;
    }
}
