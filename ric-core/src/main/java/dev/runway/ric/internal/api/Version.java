package dev.runway.ric.internal.api;

/** The runtime's version, as sent in the {@code User-Agent} header. */
final class Version {

    static final String VALUE = version();

    private Version() {}

    private static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
