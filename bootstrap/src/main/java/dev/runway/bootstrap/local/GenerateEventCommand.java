package dev.runway.bootstrap.local;

import dev.runway.bootstrap.local.internal.events.EventTemplates;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrap generate-event SOURCE [--name value]...}: a sample event of a common event source on standard
 * output, as Lambda delivers it, for {@code bootstrap invoke -e}, curl or a test.
 *
 * <pre>
 * bootstrap generate-event sqs --body 'hello' &gt; sqs.json
 * bootstrap generate-event apigateway-http --method GET --path /orders/42
 * </pre>
 */
final class GenerateEventCommand {

    private GenerateEventCommand() {}

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            (args.isEmpty() ? err : out).println(usage());
            return args.isEmpty() ? 2 : 0;
        }
        String source = args.get(0);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("--") || i + 1 >= args.size()) {
                err.println("[runway] generate-event: expected --name value, got '" + option + "'");
                err.println(usage());
                return 2;
            }
            values.put(option.substring(2), args.get(++i));
        }
        try {
            out.println(EventTemplates.render(source, values));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("[runway] generate-event: " + e.getMessage());
            return 2;
        }
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("Usage: bootstrap generate-event SOURCE [--name value]...\nSources:\n");
        EventTemplates.SOURCES.forEach((name, what) -> usage.append(String.format("  %-16s %s%n", name, what)));
        usage.append("Options, with their defaults (each source uses those that apply to it):\n");
        EventTemplates.DEFAULTS.forEach((name, value) -> usage.append(String.format("  --%-13s %s%n", name, value)));
        return usage.toString().stripTrailing();
    }
}
