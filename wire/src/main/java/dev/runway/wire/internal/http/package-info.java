/**
 * The HTTP/1.1 client Runway speaks to the Lambda Runtime, Extensions and Telemetry APIs with. Internal to Runway:
 * no compatibility promise, relocated into the jars that use it.
 */
package dev.runway.wire.internal.http;
