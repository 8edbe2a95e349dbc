/**
 * Sample functions for Runway, one per package. Each one is an ordinary {@code aws-lambda-java-core} handler:
 * nothing in them depends on Runway, so they run unchanged on Lambda's managed Java runtime too.
 */
package dev.runway.samples;
