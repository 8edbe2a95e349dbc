package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Answers, one {@code key=value} per line, how its JVM was started: every input argument ({@code arg=}), the
 * heap limit, the collectors, some VM options, and the system properties whose names start with
 * {@code runway.}.
 */
public class ProbeHandler implements RequestStreamHandler {

    private static final String[] VM_OPTIONS = {"MaxHeapSize", "UseSerialGC", "TieredCompilation", "TieredStopAtLevel"};

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            out.append("arg=").append(argument).append('\n');
        }
        out.append("maxMemory=").append(Runtime.getRuntime().maxMemory()).append('\n');
        out.append("gc=").append(ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(","))).append('\n');
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String option : VM_OPTIONS) {
            out.append("vm.").append(option).append('=').append(hotSpot.getVMOption(option).getValue()).append('\n');
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("runway."))
                .sorted()
                .forEach(name -> out.append("property.").append(name).append('=')
                        .append(System.getProperty(name)).append('\n'));
        output.write(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
