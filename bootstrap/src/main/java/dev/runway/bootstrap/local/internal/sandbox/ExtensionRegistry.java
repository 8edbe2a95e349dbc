package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.Exchange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The current environment's extensions, as the Extensions API changes them: registration (open until the
 * runtime's first {@code /next}), the event long poll, the error reports. Every method takes the
 * {@link Environments}' lock; a refusal is a {@link Refused} with the platform's 403 error type.
 */
final class ExtensionRegistry {

    /** Lambda's limit on registered extensions ({@code MaxAgentsAllowed} in the RIE). */
    static final int MAX_EXTENSIONS = 10;
    static final String IDENTIFIER = "Lambda-Extension-Identifier";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PlatformConfig config;
    private final Environments environments;
    private final InvocationQueue queue;

    ExtensionRegistry(PlatformConfig config, Environments environments, InvocationQueue queue) {
        this.config = config;
        this.environments = environments;
        this.queue = queue;
    }

    /**
     * Registers an extension. It is external when its name is the file name of an executable the platform
     * launched from the extensions directory, and internal otherwise.
     *
     * @return the extension, with its new id
     * @throws Refused when registration is closed, the name taken, the limit reached or an event not allowed
     */
    Extension register(String name, List<String> events) throws Refused {
        synchronized (environments) {
            Generation g = environments.current();
            if (g == null || !g.is(Generation.Phase.INITIALIZING)) {
                throw Refused.forbidden("Extension.RegistrationClosed", "Extension registration closed already");
            }
            if (g.extensionNamed(name) != null) {
                throw Refused.forbidden("Extension.InvalidExtensionState", "Extension with this name already registered");
            }
            if (g.extensions.size() >= MAX_EXTENSIONS) {
                throw Refused.forbidden("Extension.TooManyExtensions", "Extension limit (" + MAX_EXTENSIONS + ") reached");
            }
            boolean external = g.externalNames.contains(name);
            String invalid = invalidEvent(events, external);
            if (invalid != null) {
                throw Refused.forbidden("Extension.InvalidEventType", invalid);
            }
            Extension extension = new Extension(UUID.randomUUID().toString(), name, new LinkedHashSet<>(events), external);
            g.extensions.put(extension.id, extension);
            if (g.externalNames.stream().allMatch(launched -> g.extensionNamed(launched) != null)) {
                g.externalsRegistered.complete(null);
            }
            return extension;
        }
    }

    private String invalidEvent(List<String> events, boolean external) {
        for (String event : events) {
            if (!event.equals("INVOKE") && !event.equals("SHUTDOWN")) {
                return event + ": ErrorInvalidEventType";
            }
            if (config.concurrent() && !external) {
                return "No events allowed for internal extensions";
            }
            if (config.concurrent() && event.equals("INVOKE")) {
                return event + ": ErrorInvalidEventType";
            }
            if (!external && event.equals("SHUTDOWN")) {
                return "SHUTDOWN: ShutdownEventNotSupportedForInternalExtension";
            }
        }
        return null;
    }

    /**
     * An extension's {@code GET /event/next}: the end of its work on the previous event, its readiness during
     * init, and the long poll, answered with its next event now or when one comes.
     *
     * @throws Refused when the caller is not a registered extension, or reported an error and must exit
     */
    void eventNext(Exchange exchange) throws Refused {
        synchronized (environments) {
            Extension extension = identify(exchange.header(IDENTIFIER));
            if (extension.reportedError != null) {
                throw Refused.forbidden("Extension.InvalidExtensionState", "The extension reported an error and must exit");
            }
            Invocation finished = extension.busyWith;
            extension.busyWith = null;
            if (finished != null) {
                finished.extensionsBusy.remove(extension);
                queue.checkEnded(finished);
            }
            if (!extension.ready) {
                extension.ready = true;
                checkReady(environments.current());
            }
            extension.parkedNext = exchange;
            exchange.onClose(() -> forget(extension, exchange));
            extension.pump();
        }
    }

    private void forget(Extension extension, Exchange next) {
        synchronized (environments) {
            if (extension.parkedNext == next) {
                extension.parkedNext = null;
            }
        }
    }

    /**
     * An extension's {@code /init/error} or {@code /exit/error}: it must exit now. An init error fails the
     * init at once rather than when the extension exits.
     *
     * @param errorType the {@code Lambda-Extension-Function-Error-Type} header
     * @throws Refused when the caller is unknown or the header is missing
     */
    void reportError(String id, boolean init, String errorType) throws Refused {
        synchronized (environments) {
            Extension extension = identify(id);
            if (errorType == null || errorType.isBlank()) {
                throw Refused.forbidden("Extension.MissingHeader", "Lambda-Extension-Function-Error-Type not found");
            }
            extension.reportedError = init ? "Extension.InitError" : "Extension.ExitError";
            Generation g = environments.current();
            if (init && g != null && g.initializing()) {
                g.failed.complete(new Generation.Failure("Extension.InitError",
                        "Extension " + extension.name + " reported an init error: " + errorType));
            }
        }
    }

    /**
     * Finds the caller by its {@code Lambda-Extension-Identifier}.
     *
     * @param id the header's value
     * @return the extension
     * @throws Refused with the platform's 403 when the id is missing, malformed or unknown
     */
    Extension identify(String id) throws Refused {
        if (id == null || id.isEmpty()) {
            throw Refused.forbidden("Extension.MissingExtensionIdentifier", "Missing " + IDENTIFIER + " header");
        }
        if (!UUID_TEXT.matcher(id).matches()) {
            throw Refused.forbidden("Extension.InvalidExtensionIdentifier", "Invalid " + IDENTIFIER);
        }
        synchronized (environments) {
            Generation g = environments.current();
            Extension extension = g == null ? null : g.extensions.get(id);
            if (extension == null) {
                throw Refused.forbidden("Extension.UnknownExtensionIdentifier", "Unknown extension " + id);
            }
            return extension;
        }
    }

    /** @return the extensions registered now, by name */
    Set<String> names() {
        synchronized (environments) {
            Generation g = environments.current();
            return g == null ? Set.of() : g.extensions.values().stream().map(e -> e.name)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }

    /** Completes init's readiness when the runtime and every extension are ready. Call with the lock held. */
    static void checkReady(Generation g) {
        if (g != null && g.allReady()) {
            g.ready.complete(null);
        }
    }
}
