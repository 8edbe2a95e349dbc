/**
 * The functions the cold-start harness runs. The harness copies these classes, and only these, into a task root,
 * so each client loads them the way Lambda loads a function; they must therefore depend on nothing but
 * {@code aws-lambda-java-core}, which every client provides.
 */
package dev.runway.bench.function;
