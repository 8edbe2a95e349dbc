package dev.runway.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of the published modules, as committed in docs/public-api.txt: every public or protected type,
 * constructor, method and field outside the {@code .internal} packages, one line each. A change to the API fails
 * this test until the list is updated with it ({@code -Drunway.api.update=true} rewrites the file), so that every
 * change is deliberate and shows in the diff. Once a release is on Maven Central, japicmp (release profile)
 * compares the binaries with it as well.
 */
class PublicApiTest {

    /** The published modules whose classes make the API. */
    private static final List<String> MODULES = List.of("api", "extensions-api", "slf4j-runway", "junit");

    @Test
    void thePublicApiIsTheCommittedOne() throws Exception {
        Path committed = RepositoryDocsTest.ROOT.resolve("docs/public-api.txt");
        String actual = String.join("\n", publicApi()) + "\n";
        if (Boolean.getBoolean("runway.api.update")) {
            Files.writeString(committed, actual);
        }
        assertThat(actual).as("the public API differs from docs/public-api.txt: if the change is meant, run"
                + " ./mvnw -B verify -pl archetype -am -Dtest=PublicApiTest -Drunway.api.update=true"
                + " -DskipITs -Dsurefire.failIfNoSpecifiedTests=false and commit the file")
                .isEqualTo(Files.exists(committed) ? Files.readString(committed) : "");
    }

    static List<String> publicApi() throws IOException, ClassNotFoundException {
        List<String> lines = new ArrayList<>();
        for (String module : MODULES) {
            Path classes = RepositoryDocsTest.ROOT.resolve(module).resolve("target/classes");
            List<String> names;
            try (Stream<Path> files = Files.walk(classes)) {
                names = files.map(f -> classes.relativize(f).toString())
                        .filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class")
                                && !f.endsWith("package-info.class") && !f.contains("/internal/"))
                        .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                        .sorted().toList();
            }
            for (String name : names) {
                Class<?> type = Class.forName(name, false, PublicApiTest.class.getClassLoader());
                if (!isVisible(type)) {
                    continue;
                }
                String owner = module + " " + type.getName();
                lines.add(owner + ": " + describe(type));
                for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                    if (isApi(constructor.getModifiers())) {
                        lines.add(owner + ": " + constructor.toGenericString());
                    }
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (isApi(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                        lines.add(owner + ": " + method.toGenericString());
                    }
                }
                for (Field field : type.getDeclaredFields()) {
                    if (isApi(field.getModifiers()) && !field.isSynthetic()) {
                        lines.add(owner + ": " + field.toGenericString());
                    }
                }
            }
        }
        return lines.stream().sorted().toList();
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!isApi(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String describe(Class<?> type) {
        StringBuilder text = new StringBuilder(type.toGenericString());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            text.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        for (var implemented : type.getGenericInterfaces()) {
            text.append(type.isInterface() ? " extends " : " implements ").append(implemented.getTypeName());
        }
        return text.toString();
    }
}
