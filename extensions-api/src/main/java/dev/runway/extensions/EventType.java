package dev.runway.extensions;

/** The events an extension can register for. */
public enum EventType {
    /** An invocation starts: sent to the extension while the runtime gets it. External and internal extensions. */
    INVOKE,
    /** The environment shuts down. External extensions only: the platform refuses it for internal ones. */
    SHUTDOWN
}
