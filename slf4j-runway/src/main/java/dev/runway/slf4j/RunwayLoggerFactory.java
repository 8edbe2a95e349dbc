package dev.runway.slf4j;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link RunwayLogger} per name. */
final class RunwayLoggerFactory implements ILoggerFactory {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final Backend backend;
    private final RunwayMdcAdapter mdc;

    RunwayLoggerFactory(Backend backend, RunwayMdcAdapter mdc) {
        this.backend = backend;
        this.mdc = mdc;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new RunwayLogger(n, backend, mdc));
    }
}
