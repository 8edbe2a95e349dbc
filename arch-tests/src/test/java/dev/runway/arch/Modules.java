package dev.runway.arch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every module's main classes, each known by the module that compiled it. A module is a directory of the repository
 * with a {@code pom.xml} and a {@code src/main/java}; its classes are read from its {@code target/classes}. The
 * module is told by where a class file is, not by its package: {@code api} and {@code ric-core} share the packages
 * {@code dev.runway.ric} and {@code dev.runway.ric.internal.error}.
 */
final class Modules {

    private final Map<String, JavaClasses> byModule;
    private final Map<String, String> moduleOfClass;
    private final JavaClasses all;

    private Modules(Map<String, JavaClasses> byModule, Map<String, String> moduleOfClass, JavaClasses all) {
        this.byModule = byModule;
        this.moduleOfClass = moduleOfClass;
        this.all = all;
    }

    /**
     * @param root the repository
     * @return every module's classes
     * @throws IllegalStateException when a module with main sources has no compiled classes: build the whole reactor
     *     (arch-tests is its last module), or that module before running arch-tests on its own
     */
    static Modules read(Path root) {
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (Path module : moduleDirectories(root)) {
            String name = root.relativize(module).toString().replace('\\', '/');
            Path classes = module.resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException("module " + name + " has main sources but no " + classes
                        + ": build the whole reactor (./mvnw -B verify; arch-tests is its last module), or compile "
                        + name + " before running arch-tests on its own");
            }
            outputs.put(name, classes.toAbsolutePath().normalize());
        }
        ClassFileImporter importer = new ClassFileImporter();
        Map<String, JavaClasses> byModule = new LinkedHashMap<>();
        Map<String, String> moduleOfClass = new HashMap<>();
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            JavaClasses classes = importer.importPath(output.getValue());
            byModule.put(output.getKey(), classes);
            for (JavaClass type : classes) {
                moduleOfClass.put(type.getName(), output.getKey());
            }
        }
        JavaClasses all = importer.importPaths(List.copyOf(outputs.values()));
        return new Modules(byModule, moduleOfClass, all);
    }

    private static List<Path> moduleDirectories(Path root) {
        try (Stream<Path> poms = Files.walk(root, 3)) {
            List<Path> modules = new ArrayList<>();
            poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .map(Path::getParent)
                    .filter(dir -> !dir.toString().contains("/target") && !dir.toString().contains("/src/"))
                    .filter(dir -> Files.isDirectory(dir.resolve("src/main/java")))
                    .sorted()
                    .forEach(modules::add);
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the modules' names (their paths in the repository), in order */
    List<String> names() {
        return List.copyOf(byModule.keySet());
    }

    /** @return one module's classes */
    JavaClasses of(String module) {
        return byModule.get(module);
    }

    /** @return every module's classes, imported together so that dependencies between modules resolve */
    JavaClasses all() {
        return all;
    }

    /** @return the module whose class file this is, or {@code null} for a class of no module (a library's) */
    String moduleOf(JavaClass type) {
        return moduleOfClass.get(type.getName());
    }
}
