package dev.runway.bootstrap.local.internal.watch;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a function's directory (and every directory below it) for class files and jars that appear, change or
 * go, and reports each burst of changes once: a build writes many files, and the environment should restart once
 * it is done, not on its first file. A burst ends when nothing changed for {@link #QUIET_MS}.
 */
public final class TaskRootWatcher implements Closeable {

    /** How long the directory must stay quiet before a burst of changes is reported. */
    static final long QUIET_MS = 400;

    private final Path root;
    private final Consumer<Path> changed;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();
    private final Thread thread;

    private TaskRootWatcher(Path root, Consumer<Path> changed) throws IOException {
        this.root = root;
        this.changed = changed;
        this.service = FileSystems.getDefault().newWatchService();
        registerTree(root);
        this.thread = Thread.ofPlatform().daemon().name("runway-watch").unstarted(this::run);
    }

    /**
     * Starts watching.
     *
     * @param root the directory
     * @param changed given the first file of each burst of changes, on the watcher's thread
     * @return the running watcher
     * @throws UncheckedIOException when the directory cannot be watched
     */
    public static TaskRootWatcher start(Path root, Consumer<Path> changed) {
        try {
            TaskRootWatcher watcher = new TaskRootWatcher(root.toAbsolutePath(), changed);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return whether a file's change is one of the function's code: a class file or a jar */
    static boolean isCode(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".class") || name.endsWith(".jar");
    }

    private void registerTree(Path directory) throws IOException {
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path each : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
                WatchKey key = each.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                directories.put(key, each);
            }
        }
    }

    private void run() {
        try {
            while (true) {
                Path first = codeChangeIn(service.take());
                if (first == null) {
                    continue;
                }
                // The rest of the burst: keep taking until the directory has been quiet for a while.
                WatchKey more;
                while ((more = service.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    codeChangeIn(more);
                }
                changed.accept(first);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Handles one key's events, and returns the first code file among them, or {@code null}. */
    private Path codeChangeIn(WatchKey key) {
        Path directory = directories.get(key);
        Path code = null;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (directory == null || !(event.context() instanceof Path name)) {
                continue; // overflow: the next event still tells of the change
            }
            Path file = directory.resolve(name);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                try {
                    registerTree(file); // a new package directory: its classes come next
                } catch (IOException e) {
                    // gone again already
                }
            }
            if (code == null && isCode(file)) {
                code = root.relativize(file);
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
        return code;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing to do
        }
        thread.interrupt();
    }
}
