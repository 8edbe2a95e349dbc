package dev.runway.maven;

import dev.runway.maven.internal.NoRuntimeException;
import dev.runway.maven.internal.RunwayRuntime;
import dev.runway.maven.internal.TaskRoot;
import dev.runway.maven.internal.Training;
import dev.runway.maven.internal.TrainingException;
import dev.runway.maven.internal.TrainingFailedException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * The {@code train} goal: trains an AOT cache on the function with {@code bootstrap --train}, with the Runway
 * runtime that will run it, and leaves it in the function's task root ({@code runway.aot} and
 * {@code runway.aot.id}), so that the function zip made after it carries the cache and {@code bootstrap} starts the
 * function from it.
 *
 * <p>By default it first assembles the task root as the zip will hold it (the project's jar and its runtime
 * dependencies in {@code lib/}), then trains in a container of the Lambda base image with the layer at
 * {@code /opt} and the task root at {@code /var/task}: the cache records absolute paths and the Java runtime that
 * made it, so only a cache made at those paths with the layer's own JRE is used on Lambda. With
 * {@code <container>false</container>} it trains on this machine, with the runtime where it is: such a cache fits
 * only these paths (local runs, or a build that runs at the function's own paths).
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class TrainMojo extends AbstractMojo {

    /** The function's handler, as Lambda's {@code Handler} setting names it. */
    @Parameter(property = "runway.train.handler", required = true)
    private String handler;

    /**
     * The Runway runtime that will run the function: the layer zip ({@code runway-layer-<version>.zip}), the
     * layer's content (what {@code /opt} holds: {@code bootstrap} and {@code runway/}), or, on this machine only, a
     * distribution directory ({@code bootstrap} and {@code lib/}).
     */
    @Parameter(property = "runway.train.runtime")
    private File runtime;

    /** The function's task root: the directory its zip is made of. The cache is written there. */
    @Parameter(property = "runway.train.taskRoot", defaultValue = "${project.build.directory}/function")
    private File taskRoot;

    /**
     * Whether to fill the task root's {@code lib/} with the project's jar and its runtime dependencies (replacing
     * what was there) before training; {@code false} when other plugins assemble the task root.
     */
    @Parameter(property = "runway.train.assemble", defaultValue = "true")
    private boolean assemble;

    /** The event files the function is trained on, in order; none means one {@code {}}. */
    @Parameter
    private List<File> events = new ArrayList<>();

    /** The function's environment variables during training. */
    @Parameter
    private Map<String, String> environment = new LinkedHashMap<>();

    /**
     * Whether to train in a container at the paths a zip function runs at on Lambda ({@code /opt},
     * {@code /var/task}); {@code false} trains on this machine, at the runtime's and task root's own paths.
     */
    @Parameter(property = "runway.train.container", defaultValue = "true")
    private boolean container;

    /** The container image to train in: the Lambda base image the function runs on. */
    @Parameter(property = "runway.train.image", defaultValue = "public.ecr.aws/lambda/provided:al2023")
    private String image;

    /** The container engine's command line program. */
    @Parameter(property = "runway.train.containerCommand", defaultValue = "docker")
    private String containerCommand;

    /**
     * The container's {@code --user}; by default the task root's owner (uid:gid), so that the cache is not left
     * owned by root in the build directory. Set it to {@code none} to leave the image's user.
     */
    @Parameter(property = "runway.train.containerUser")
    private String containerUser;

    /** Further options of the container engine's {@code run}. */
    @Parameter
    private List<String> containerOptions = new ArrayList<>();

    /** Skips the training. */
    @Parameter(property = "runway.train.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** For Maven. */
    public TrainMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Training skipped (runway.train.skip)");
            return;
        }
        Path work = Path.of(project.getBuild().getDirectory(), "runway-train");
        Path root = taskRoot.toPath().toAbsolutePath().normalize();
        try {
            Files.createDirectories(work);
            RunwayRuntime found = RunwayRuntime.at(runtime == null ? null : runtime.toPath(), work);
            if (container && !found.isLayer()) {
                throw new NoRuntimeException(runtime + " is a distribution, not a layer: training in a container"
                        + " mounts the layer's content at /opt (set <runtime> to the layer zip or directory)");
            }
            if (assemble) {
                TaskRoot.assemble(root, functionJars());
            } else if (!Files.isDirectory(root)) {
                throw new MojoExecutionException("No task root at " + root + " (assemble is false: the plugins"
                        + " that fill it must run before this goal)");
            }
            List<Path> eventFiles = new ArrayList<>();
            for (File event : events) {
                if (!event.isFile()) {
                    throw new MojoExecutionException("No event file " + event);
                }
                eventFiles.add(event.toPath());
            }
            Training training = new Training(found, root, handler, eventFiles, environment,
                    container ? new Training.Container(containerCommand, image, user(root), containerOptions) : null,
                    work);
            Path cache = training.run(line -> getLog().info(line));
            getLog().info("AOT cache " + cache + " (" + Files.size(cache) / (1 << 20) + " MiB), trained on " + handler
                    + (container ? " at /var/task with the layer at /opt"
                            : "; it fits this runtime (" + found.bootstrap() + ") and task root only"));
        } catch (TrainingFailedException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (TrainingException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot prepare the training: " + e, e);
        }
    }

    /** The project's jar and its runtime dependencies, by their file names in {@code lib/}. */
    private Map<String, Path> functionJars() throws MojoExecutionException {
        File jar = project.getArtifact().getFile();
        if (jar == null || !jar.isFile()) {
            throw new MojoExecutionException("The project's jar is not built yet: run the train goal in the package"
                    + " phase (its default), after the jar plugin");
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put(jar.getName(), jar.toPath());
        for (Artifact dependency : project.getArtifacts()) {
            if (dependency.getFile() == null || !dependency.getArtifactHandler().isAddedToClasspath()
                    || !(Artifact.SCOPE_COMPILE.equals(dependency.getScope())
                            || Artifact.SCOPE_RUNTIME.equals(dependency.getScope()))) {
                continue;
            }
            String name = dependency.getFile().getName();
            jars.put(jars.containsKey(name) ? dependency.getGroupId() + "." + name : name,
                    dependency.getFile().toPath());
        }
        return jars;
    }

    /** The container's user: the configured one, else the task root's owner where the file system tells it. */
    private String user(Path root) {
        if (containerUser != null && !containerUser.isBlank()) {
            return containerUser.equals("none") ? "" : containerUser;
        }
        try {
            return Files.getAttribute(root, "unix:uid") + ":" + Files.getAttribute(root, "unix:gid");
        } catch (UnsupportedOperationException | IOException e) {
            return "";
        }
    }
}
