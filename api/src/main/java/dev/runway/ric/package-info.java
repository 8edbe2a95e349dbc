/**
 * Runway's handler types for response streaming: {@link dev.runway.ric.StreamingRequestHandler}, whose output is a
 * {@link dev.runway.ric.ResponseStream}, and {@link dev.runway.ric.HttpResponseStream} for HTTP responses with a
 * status, headers and cookies. The runtime (module {@code ric-core}) provides the same classes; a function compiles
 * against this jar with scope {@code provided}.
 */
package dev.runway.ric;
