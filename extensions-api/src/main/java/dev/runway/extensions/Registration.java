package dev.runway.extensions;

import java.util.Optional;

/**
 * What the platform answers to a registration.
 *
 * @param extensionId the {@code Lambda-Extension-Identifier} every later call sends
 * @param name the name the extension registered under
 * @param functionName the function's name
 * @param functionVersion the function's version, such as {@code $LATEST}
 * @param handler the function's handler string
 * @param accountId the account id, when the platform returns it (Lambda does; the RIE in legacy mode does not)
 */
public record Registration(String extensionId, String name, String functionName, String functionVersion, String handler,
        Optional<String> accountId) {}
