/**
 * The {@code train} goal's work: finding (and unpacking) the Runway runtime, assembling the task root, and running
 * {@code bootstrap --train} on this machine or in a container. Not an API.
 */
package dev.runway.maven.internal;
