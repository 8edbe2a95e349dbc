package dev.runway.extensions;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the name an external extension registers under. The platform tells external from internal extensions by
 * name alone: the name must be the file name of the executable it launched from {@code /opt/extensions}.
 * A Java extension is launched by a shell launcher, so the JVM cannot see that file name itself; the launcher
 * passes it on (see {@code docs/extensions.md}).
 *
 * <p>In order: the system property {@value #PROPERTY}, the environment variable {@value #VARIABLE}, then
 * {@code LAMBDA_EXTENSION_NAME} (the aws-samples launchers' convention).
 */
public final class ExtensionName {

    /** The system property a launcher sets: {@code -Drunway.extension.name="$(basename "$0")"}. */
    public static final String PROPERTY = "runway.extension.name";
    /** The environment variable a launcher may export instead. */
    public static final String VARIABLE = "RUNWAY_EXTENSION_NAME";

    private ExtensionName() {}

    /**
     * @return the name the launcher set
     * @throws IllegalStateException when none is set
     */
    public static String resolve() {
        return find(System.getProperties().getProperty(PROPERTY), System.getenv())
                .orElseThrow(() -> new IllegalStateException("no extension name: the launcher must pass -D" + PROPERTY
                        + "=\"$(basename \"$0\")\" or export " + VARIABLE + ", or the extension must set its name"));
    }

    /**
     * @param property the system property's value, may be {@code null}
     * @param env the environment
     * @return the name, as a file name (a path's last element)
     */
    static Optional<String> find(String property, Map<String, String> env) {
        for (String candidate : new String[] {property, env.get(VARIABLE), env.get("LAMBDA_EXTENSION_NAME")}) {
            if (candidate != null && !candidate.isBlank()) {
                Path file = Path.of(candidate.trim()).getFileName();
                return Optional.of(file == null ? candidate.trim() : file.toString());
            }
        }
        return Optional.empty();
    }
}
