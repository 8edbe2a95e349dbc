/**
 * The Java side of Runway's {@code bootstrap} executable. The shell script {@code bootstrap} starts the JVM with
 * the managed runtime's flags and runs {@link dev.runway.bootstrap.Main}; anything under
 * {@code dev.runway.bootstrap.internal} is implementation and may change without notice.
 */
package dev.runway.bootstrap;
