package dev.runway.wire.internal.http;

import java.net.InetSocketAddress;

/**
 * A {@code host:port} address as the platform hands it out in {@code AWS_LAMBDA_RUNTIME_API}: a name or an IPv4
 * literal, or an IPv6 literal in brackets ({@code [::1]:9001}, RFC 3986 section 3.2.2), then a port from 1 to 65535.
 * The one place where Runway reads such an address.
 *
 * @param host the host, without brackets for an IPv6 literal
 * @param port the port
 */
public record HostPort(String host, int port) {

    /**
     * Reads {@code host:port}.
     *
     * @param value the address, such as {@code 127.0.0.1:9001} or {@code [::1]:9001}
     * @param source what the value is, for the error message (such as {@code AWS_LAMBDA_RUNTIME_API})
     * @return the address
     * @throws IllegalArgumentException when the value is missing or not {@code host:port}
     */
    public static HostPort parse(String value, String source) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(source + " is not set");
        }
        String trimmed = value.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException(source + " must be host:port, got '" + value + "'");
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || host.length() == 2) {
                throw new IllegalArgumentException(source + " has a bad IPv6 literal: '" + value + "'");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            // An IPv6 literal must be bracketed, or its last group would read as the port.
            throw new IllegalArgumentException(source + " must bracket an IPv6 literal ([::1]:9001), got '" + value + "'");
        }
        return new HostPort(host, parsePort(trimmed.substring(colon + 1), value, source));
    }

    private static int parsePort(String digits, String value, String source) {
        int port = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9' || i >= 5) {
                throw new IllegalArgumentException(source + " has a bad port: '" + value + "'");
            }
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(source + " has a bad port: '" + value + "'");
        }
        return port;
    }

    /**
     * Resolves the host now, once: a Lambda API address is a literal IP or a local name.
     *
     * @return the socket address
     */
    public InetSocketAddress resolve() {
        return new InetSocketAddress(host, port);
    }

    /** @return the address as written in a {@code Host} header: {@code host:port}, an IPv6 literal in brackets */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
