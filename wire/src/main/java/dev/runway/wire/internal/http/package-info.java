/**
 * The HTTP/1.1 client Runway speaks to the Lambda Runtime, Extensions and Telemetry APIs with. Internal to Runway:
 * no compatibility promise, relocated into the jars that use it.
 *
 * <p>{@link dev.runway.wire.internal.http.Http1Connection} is the connection, with its
 * {@link dev.runway.wire.internal.http.ExchangeState}; the Runtime API's hot path uses it directly with a
 * {@link dev.runway.wire.internal.http.RequestHead} it reuses and {@link dev.runway.wire.internal.http.KnownFields},
 * which allocates only for the fields it keeps. {@link dev.runway.wire.internal.http.Http1Client} wraps it for the
 * calls off the hot path. {@link dev.runway.wire.internal.http.HostPort} reads {@code AWS_LAMBDA_RUNTIME_API}.
 * The framing code cites the sections of RFC 9112 it implements: the status line (section 4), field lines
 * (section 5), the message body length (section 6.3), the chunked coding and trailers (section 7.1) and persistence
 * (section 9.3).
 */
package dev.runway.wire.internal.http;
