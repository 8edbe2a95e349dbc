package dev.runway.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider that writes through Runway's log path: put {@code dev.runway:runway-slf4j} in the
 * function's dependencies, instead of Logback or another binding, and every SLF4J record becomes a telemetry
 * frame in the function's {@code AWS_LAMBDA_LOG_FORMAT}, filtered by {@code AWS_LAMBDA_LOG_LEVEL} (INFO when
 * unset), with the invocation's {@code AWSRequestId}. Found by SLF4J through {@code META-INF/services}.
 */
public final class RunwayServiceProvider implements SLF4JServiceProvider {

    /** The SLF4J API version this provider is built for. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    /** Called by SLF4J's {@code ServiceLoader}. */
    public RunwayServiceProvider() {
        // initialize() does the work, when SLF4J asks
    }

    @Override
    public void initialize() {
        RunwayMdcAdapter mdc = new RunwayMdcAdapter();
        mdcAdapter = mdc;
        markerFactory = new BasicMarkerFactory();
        loggerFactory = new RunwayLoggerFactory(Backend.detect(), mdc);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }
}
