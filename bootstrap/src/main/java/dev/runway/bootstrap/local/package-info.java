/**
 * Local mode: an embedded Lambda platform (Runtime, Extensions and Telemetry APIs, an RIE-compatible invoke
 * endpoint, the extensions host) that serves a function on a developer's machine as Lambda runs it. Start it
 * with {@code bootstrap --local} ({@link dev.runway.bootstrap.local.LocalMode}) or from Java with
 * {@link dev.runway.bootstrap.local.LocalPlatform}. It lives in its own jar, {@code lib/runway-local.jar}, with
 * its own relocated Netty: nothing of it is on the class path when Lambda runs the function.
 */
package dev.runway.bootstrap.local;
