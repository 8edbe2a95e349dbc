package dev.runway.bootstrap.local.internal.http;

/**
 * Serves one kind of request. {@link #open} runs on the event loop as soon as the request head is in; the
 * endpoint answers through the {@link Exchange}, now or later (a long poll answers when there is an event).
 */
@FunctionalInterface
public interface Endpoint {

    /**
     * @param exchange the request and the means to answer it
     * @return what reads the request body
     */
    BodyConsumer open(Exchange exchange);
}
