/**
 * The small JSON reader and writer helpers Runway uses where Jackson is not on the class path (the extensions SDK,
 * error reports), with limits on size and nesting. Internal to Runway: no compatibility promise.
 */
package dev.runway.wire.internal.json;
