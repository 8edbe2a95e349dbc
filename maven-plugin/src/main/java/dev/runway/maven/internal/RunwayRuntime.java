package dev.runway.maven.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The Runway runtime a function is trained with, as the user names it: the layer zip, the layer's content (what
 * Lambda extracts to {@code /opt}: {@code bootstrap} and {@code runway/}), or a distribution directory
 * ({@code bootstrap} and {@code lib/}, as {@code bootstrap/target/runway}).
 *
 * @param home the directory that holds it (the layer's content, unpacked when given as a zip)
 * @param bootstrap the {@code bootstrap} script that runs a function on it, on this machine
 * @param isLayer whether {@code home} is a layer's content, i.e. fit to be mounted at {@code /opt}
 */
public record RunwayRuntime(Path home, Path bootstrap, boolean isLayer) {

    /**
     * Finds the runtime at the configured path, unpacking a layer zip into {@code workDirectory}.
     *
     * @param given the configured path
     * @param workDirectory where a zip is unpacked (emptied first)
     * @return the runtime
     * @throws NoRuntimeException when there is nothing, or something else, at that path
     * @throws IOException when the zip cannot be unpacked
     */
    public static RunwayRuntime at(Path given, Path workDirectory) throws NoRuntimeException, IOException {
        if (given == null) {
            throw new NoRuntimeException("No Runway runtime configured: set <runtime> to the layer zip"
                    + " (runway-layer-<version>.zip), the layer's directory, or a distribution directory");
        }
        Path home = given.toAbsolutePath().normalize();
        if (Files.isRegularFile(home)) {
            Path unpacked = workDirectory.resolve("layer");
            unzip(home, unpacked);
            home = unpacked;
        } else if (!Files.isDirectory(home)) {
            throw new NoRuntimeException("No Runway runtime at " + given + ": set <runtime> to the layer zip"
                    + " (runway-layer-<version>.zip), the layer's directory, or a distribution directory");
        }
        if (Files.isRegularFile(home.resolve("bootstrap"))
                && Files.isRegularFile(home.resolve("runway/lib/runway-runtime.jar"))) {
            return new RunwayRuntime(home, home.resolve("runway/bootstrap"), true);
        }
        if (Files.isRegularFile(home.resolve("bootstrap")) && Files.isRegularFile(home.resolve("lib/runway-runtime.jar"))) {
            return new RunwayRuntime(home, home.resolve("bootstrap"), false);
        }
        throw new NoRuntimeException(given + " is no Runway runtime: neither a layer (bootstrap and"
                + " runway/lib/runway-runtime.jar) nor a distribution (bootstrap and lib/runway-runtime.jar)");
    }

    /**
     * Unpacks a zip as Lambda does: Unix modes ({@code bootstrap} and {@code java} must stay executable), symbolic
     * links, and the entries' times, which {@code bootstrap} compares with its AOT cache's.
     */
    static void unzip(Path zip, Path target) throws IOException {
        deleteTree(target);
        Files.createDirectories(target);
        boolean posix = Files.getFileStore(target).supportsFileAttributeView("posix");
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : (Iterable<ZipArchiveEntry>) file.getEntries()::asIterator) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException(zip + ": the entry " + entry.getName() + " is outside the archive's root");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isUnixSymlink()) {
                    Files.createSymbolicLink(path, Path.of(file.getUnixSymlink(entry)));
                    continue;
                }
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, path);
                }
                if (posix && entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX) {
                    Files.setPosixFilePermissions(path, permissions(entry.getUnixMode()));
                }
                Files.setLastModifiedTime(path, entry.getLastModifiedTime());
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
