/**
 * Functions that exist only for the integration tests: they report what the JVM was started with, sleep, or
 * bring their own Jackson. The tests copy these classes into a task root of their own; they live outside
 * {@code dev.runway.bootstrap} because the runtime strips its own frames from error stack traces.
 */
package dev.runway.testfunctions;
