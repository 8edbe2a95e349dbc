/**
 * Runway's Runtime Interface Client: runs functions written against {@code aws-lambda-java-core} on the Lambda
 * Runtime API. The entry point is {@link dev.runway.ric.RuntimeInterfaceClient}; everything under
 * {@code dev.runway.ric.internal} is implementation and may change without notice.
 */
package dev.runway.ric;
