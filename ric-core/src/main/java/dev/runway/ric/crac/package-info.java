/**
 * SnapStart hooks with the CRaC API's shape: the package {@code org.crac} (library {@code io.github.crac:org-crac})
 * forwards to when {@code org.crac.Core.Compat} names it, which Runway sets at start-up. Functions register
 * {@code org.crac.Resource}s with {@code org.crac.Core.getGlobalContext()} as on the managed Java runtime.
 */
package dev.runway.ric.crac;
