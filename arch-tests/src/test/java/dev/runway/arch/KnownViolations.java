package dev.runway.arch;

import java.util.List;

/**
 * The architecture rules' allow-list: violations that exist today and that a change under way removes. Each entry
 * says which change. {@link ArchitectureTest} fails when an entry matches nothing any more, so the entry goes with
 * the violation (whoever merges that change deletes it here). Nothing else belongs in this list: a new violation is
 * fixed, not listed.
 */
final class KnownViolations {

    private KnownViolations() {}

    /**
     * One allowed use of another module's internal classes.
     *
     * @param fromModule the module whose class uses them
     * @param target the used class, or a package prefix ending in {@code .}
     * @param why the change that removes it
     */
    record Entry(String fromModule, String target, String why) {
        boolean matches(String module, String className) {
            return fromModule.equals(module)
                    && (target.endsWith(".") ? className.startsWith(target) : className.equals(target)
                            || className.startsWith(target + "$"));
        }
    }

    /**
     * A package dependency that closes a cycle, ignored by the cycle rule until the change named removes it.
     *
     * @param module the module
     * @param fromPackage the package that depends (exactly this package, not its subpackages)
     * @param toPackage the package it depends on
     * @param why the change that removes it
     */
    record Edge(String module, String fromPackage, String toPackage, String why) {}


    /** Uses of another module's {@code .internal} classes, each removed by the change it names. */
    static final List<Entry> INTERNAL_ACCESS = List.of();

    /** Package dependencies that close cycles, each removed by the change it names. */
    static final List<Edge> CYCLE_EDGES = List.of();

    /** @return the allowed cycle edges of one module */
    static List<Edge> cycleEdges(String module) {
        return CYCLE_EDGES.stream().filter(edge -> edge.module().equals(module)).toList();
    }

    /** @return the entry that allows {@code module} to use {@code className}, or {@code null} */
    static Entry internalAccess(String module, String className) {
        for (Entry entry : INTERNAL_ACCESS) {
            if (entry.matches(module, className)) {
                return entry;
            }
        }
        return null;
    }
}
