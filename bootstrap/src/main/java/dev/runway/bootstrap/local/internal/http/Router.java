package dev.runway.bootstrap.local.internal.http;

/** Maps a request to its endpoint, given the method and the path without the query string. */
@FunctionalInterface
public interface Router {

    /**
     * @param method the HTTP method, upper case
     * @param path the path, without the query
     * @return the endpoint, or {@code null} when nothing is served there (404)
     */
    Endpoint route(String method, String path);
}
