package dev.runway.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Where everything the client processes need lives.
 *
 * <p>The jar directories come from the build ({@code jmh/target/coldstart/{runway,official,floor}}, filled by
 * {@code maven-dependency-plugin}). The task root and the floor's class directory are made fresh for each run in
 * the work directory, by copying the classes of {@code dev.runway.bench.function}, {@code dev.runway.bench.floor}
 * and {@code dev.runway.bench.training} out of the harness's own jar: so the function is loaded from a task root, as on
 * Lambda, and no client has the harness (JMH, the server) on its class path.
 *
 * @param runwayJars Runway's runtime jars: the distribution's {@code lib/} ({@code bootstrap/target/runway/lib})
 * @param variantJars the runtime jars of the {@code runway-variant} client (another build, or the same)
 * @param baselineJars the {@code runway-baseline} client's runtime jars (another distribution's {@code lib/}), or
 *     {@code null} when there is none
 * @param officialJars the official RIC and its dependencies
 * @param floorJars {@code aws-lambda-java-core} and Jackson, for the floor
 * @param taskRoot the function's directory, and every client's working directory
 * @param floorClasses the floor client's class
 * @param trainingRoot the task root of the AOT training function
 * @param aotCache the AOT cache the {@code runway} client is trained into
 * @param logs each client process's standard output and error
 * @param work the work directory, where each function's trained task root and cache are made
 */
record Layout(Path runwayJars, Path variantJars, Path baselineJars, Path officialJars, Path floorJars, Path taskRoot,
        Path floorClasses,
        Path trainingRoot, Path aotCache, Path logs, Path work) {

    private static final String FUNCTION_PACKAGE = "dev/runway/bench/function/";
    private static final String FLOOR_PACKAGE = "dev/runway/bench/floor/";
    private static final String TRAINING_PACKAGE = "dev/runway/bench/training/";

    /** @return the directory the harness was loaded from ({@code jmh/target} for {@code benchmarks.jar}) */
    static Path harnessHome() {
        return codeSource().getParent(); // jmh/target, whether we run from target/classes or benchmarks.jar
    }

    /**
     * Checks the jar directories and lays out a fresh work directory.
     *
     * @param jars the directory holding {@code runway/}, {@code official/} and {@code floor/}
     * @param runway the distribution's {@code lib/}
     * @param baseline the baseline distribution's {@code lib/}, or {@code null}
     * @param work the work directory; its {@code task/}, {@code floor-classes/} and {@code logs/} are replaced
     * @return the layout
     * @throws IOException when the work directory cannot be written
     */
    static Layout prepare(Path jars, Path runway, Path variant, Path baseline, Path work, Path springFunction,
            boolean spring) throws IOException {
        for (Path lib : new Path[] {runway, variant, baseline}) {
            if (lib != null && !Files.isRegularFile(lib.resolve("runway-runtime.jar"))) {
                throw new IllegalStateException("no runway-runtime.jar in " + lib + ": build the distribution first"
                        + " with ./mvnw -B -q -pl jmh,bootstrap -am package -DskipTests -Drunway.aot.skip");
            }
        }
        Layout layout = new Layout(runway, variant, baseline, jars.resolve("official"), jars.resolve("floor"),
                work.resolve("task"), work.resolve("floor-classes"), work.resolve("training-task"),
                work.resolve("runway.aot"), work.resolve("logs"), work);
        for (Path dir : new Path[] {layout.officialJars, layout.floorJars}) {
            if (!hasJars(dir)) {
                throw new IllegalStateException("no jars in " + dir + ": build first with"
                        + " ./mvnw -B -q -pl jmh -am package -DskipTests");
            }
        }
        for (Path dir : new Path[] {layout.taskRoot, layout.floorClasses, layout.trainingRoot, layout.logs}) {
            deleteTree(dir);
            Files.createDirectories(dir);
        }
        Files.deleteIfExists(layout.aotCache);
        for (Workload workload : Workload.values()) {
            Files.deleteIfExists(layout.trainedCache(Client.RUNWAY_TRAINED, workload));
            Files.deleteIfExists(layout.trainedCache(Client.RUNWAY_VARIANT, workload));
        }
        int functions = copyPackage(FUNCTION_PACKAGE, layout.taskRoot);
        int floor = copyPackage(FLOOR_PACKAGE, layout.floorClasses);
        int training = copyPackage(TRAINING_PACKAGE, layout.trainingRoot);
        if (functions == 0 || floor == 0 || training == 0) {
            throw new IllegalStateException("the function, floor or training classes are missing from " + codeSource());
        }
        Path springRoot = layout.taskRoot(Client.RUNWAY, Workload.SPRING);
        deleteTree(springRoot);
        if (spring) {
            List<Path> springJars = jars(springFunction.resolve("lib"));
            if (springJars.isEmpty()) {
                throw new IllegalStateException("no jars in " + springFunction.resolve("lib") + ": build the Spring"
                        + " application first with ./mvnw -B -q -pl compat/spring-cloud-function -am package -DskipTests");
            }
            Files.createDirectories(springRoot.resolve("lib"));
            for (Path jar : springJars) {
                Files.copy(jar, springRoot.resolve("lib").resolve(jar.getFileName()));
            }
        }
        for (Workload workload : new Workload[] {Workload.POJO, Workload.STREAM}) {
            for (Client client : new Client[] {Client.RUNWAY_TRAINED, Client.RUNWAY_VARIANT}) {
                Path trained = layout.taskRoot(client, workload);
                deleteTree(trained);
                // The function as users deploy it for a trained cache: its classes in a jar in lib/.
                jar(layout.taskRoot, trained.resolve("lib/function.jar"));
            }
        }
        return layout;
    }

    /**
     * @param client the client
     * @param workload the function
     * @return the task root (and working directory) of that client's processes for that function
     */
    Path taskRoot(Client client, Workload workload) {
        if (workload == Workload.SPRING) {
            return work.resolve("task-spring"); // its jars in lib/, as users deploy it, for every client
        }
        return client.isTrained() ? work.resolve(prefix(client) + workload.label()) : taskRoot;
    }

    /** @return the AOT cache a trained client ({@code runway-trained}, {@code runway-variant}) is trained into */
    Path trainedCache(Client client, Workload workload) {
        return work.resolve(prefix(client) + workload.label() + ".aot");
    }

    private static String prefix(Client client) {
        return client == Client.RUNWAY_VARIANT ? "variant-" : "trained-";
    }

    /** @return the {@code .jar} files of a directory, sorted by name (none when it does not exist) */
    static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs a directory's files into a jar. */
    private static void jar(Path from, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (Stream<Path> files = Files.walk(from);
                JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(from.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    /** @return the log file of one client process */
    Path log(Client client, Workload workload) {
        return logs.resolve(workload.label() + "-" + client.label() + ".log");
    }

    private static boolean hasJars(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".jar"));
        }
    }

    /** Copies the class files of one package (nested classes included, sub-packages not) out of our code source. */
    private static int copyPackage(String packagePath, Path targetRoot) throws IOException {
        Path source = codeSource();
        int copied = 0;
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(packagePath))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (isClass(file.getFileName().toString())) {
                        copy(Files.newInputStream(file), targetRoot.resolve(packagePath + file.getFileName()));
                        copied++;
                    }
                }
            }
            return copied;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(packagePath) && isClass(name.substring(packagePath.length()))) {
                    copy(jar.getInputStream(entry), targetRoot.resolve(name));
                    copied++;
                }
            }
        }
        return copied;
    }

    private static boolean isClass(String simpleFileName) {
        return simpleFileName.endsWith(".class") && !simpleFileName.contains("/")
                && !simpleFileName.equals("package-info.class");
    }

    private static void copy(InputStream in, Path target) throws IOException {
        try (in) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(Layout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
