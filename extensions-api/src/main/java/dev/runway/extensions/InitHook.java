package dev.runway.extensions;

/**
 * Set-up after registration, before the first {@code /event/next}: the function's own init runs meanwhile (the
 * platform starts the runtime once every external extension has registered). An exception is reported to
 * {@code /init/error}, which fails the environment's init.
 */
@FunctionalInterface
public interface InitHook {

    /**
     * @param registration the platform's answer to the registration
     * @throws Exception when the extension cannot start
     */
    void init(Registration registration) throws Exception;
}
