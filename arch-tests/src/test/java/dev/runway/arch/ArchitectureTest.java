package dev.runway.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, enforced on every module's main classes (see {@link Modules}):
 * <ul>
 *   <li>a class uses {@code .internal} packages of its own module only, except {@code dev.runway.wire.internal},
 *       the shared internal layer (module {@code wire}) under the runtime and the extensions SDK;
 *   <li>no module has a package cycle (a public package's calls into its own internals aside: see
 *       {@link #cyclesIgnoring});
 *   <li>no public or protected signature outside an {@code .internal} package names an internal type (see
 *       {@link PublicSignatures}).
 * </ul>
 * {@link #EXEMPT} names the modules the first and third rules do not apply to, and why. A known violation that another change removes is listed in {@link KnownViolations}, with its reason; an entry that
 * no longer matches anything fails the test, so that it is removed with the violation.
 */
class ArchitectureTest {

    /** The shared internal layer every module may use. */
    static final String SHARED_INTERNAL = "dev.runway.wire.internal";
    /**
     * Modules that the boundary rules do not apply to: {@code jmh}'s benchmarks measure ric-core's internals (the
     * Runtime API client, the log context) as ric-core's own tests would, and are never shipped or published; JMH
     * wants its benchmark methods public, whatever they return. Package cycles are checked there too.
     */
    static final Set<String> EXEMPT = Set.of("jmh");

    private static Modules modules;

    @BeforeAll
    static void readModules() {
        modules = Modules.read(Path.of(System.getProperty("runway.root", "..")).toAbsolutePath().normalize());
    }

    @Test
    void theRulesSeeEveryModule() {
        assertThat(modules.names()).contains("wire", "api", "ric-core", "slf4j-runway", "extensions-api", "bootstrap",
                "junit", "sample-functions", "sample-extensions", "jmh", "compat/pojo");
        for (String module : modules.names()) {
            assertThat(modules.of(module)).as("classes of %s", module).isNotEmpty();
        }
    }

    @Test
    void aModuleUsesInternalPackagesOfItsOwnOnly() {
        Set<KnownViolations.Entry> used = new HashSet<>();
        classes().that(notIn(EXEMPT)).should(useInternalPackagesOfTheirOwnModuleOnly(used)).check(modules.all());
        assertThat(KnownViolations.INTERNAL_ACCESS).as("allow-list entries that match nothing any more: remove them"
                + " from KnownViolations").allMatch(used::contains);
    }

    private static ArchCondition<JavaClass> useInternalPackagesOfTheirOwnModuleOnly(Set<KnownViolations.Entry> used) {
        return new ArchCondition<>("use .internal packages of their own module only (or " + SHARED_INTERNAL + ")") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String from = modules.moduleOf(type);
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    String to = modules.moduleOf(target);
                    if (to == null || to.equals(from) || !isInternal(target.getPackageName())
                            || target.getPackageName().startsWith(SHARED_INTERNAL)) {
                        continue;
                    }
                    KnownViolations.Entry known = KnownViolations.internalAccess(from, target.getName());
                    if (known != null) {
                        used.add(known);
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, "[" + from + " uses " + to + "'s internal "
                            + target.getName() + "] " + dependency.getDescription()));
                }
            }
        };
    }

    @Test
    void noModuleHasAPackageCycle() {
        List<String> failures = new ArrayList<>();
        for (String module : modules.names()) {
            List<KnownViolations.Edge> allowed = KnownViolations.cycleEdges(module);
            EvaluationResult result = cyclesIgnoring(module, allowed).evaluate(modules.of(module));
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
            for (KnownViolations.Edge edge : allowed) {
                List<KnownViolations.Edge> others = new ArrayList<>(allowed);
                others.remove(edge);
                if (!cyclesIgnoring(module, others).evaluate(modules.of(module)).hasViolation()) {
                    failures.add("the allow-list entry " + edge + " breaks no cycle any more: remove it from"
                            + " KnownViolations");
                }
            }
        }
        assertThat(failures).as("package cycles").isEmpty();
    }

    /** A class of a public (not internal) package. */
    private static final DescribedPredicate<JavaClass> FACADE = DescribedPredicate.describe(
            "a class of a public package", type -> !isInternal(type.getPackageName()));
    /** A class of an internal package. */
    private static final DescribedPredicate<JavaClass> INTERNAL = DescribedPredicate.describe(
            "a class of an internal package", type -> isInternal(type.getPackageName()));

    /**
     * The cycle rule over one module's packages. A public package's calls into its module's internals are not
     * counted: a public package is the module's facade and SPI together ({@code RuntimeInterfaceClient} starts the
     * internal loop, which calls the public {@code RuntimeHooks}; {@code LocalPlatform} builds the internal sandbox,
     * which starts the public {@code RuntimeLauncher}), so that edge closes a cycle by design. Every other cycle
     * counts: between internal packages, between public packages, and any that leaves a public package otherwise.
     */
    private static ArchRule cyclesIgnoring(String module, List<KnownViolations.Edge> allowed) {
        SliceRule rule = slices().matching("dev.runway.(**)").namingSlices("package dev.runway.$1 of " + module)
                .should().beFreeOfCycles()
                .ignoreDependency(FACADE, INTERNAL);
        for (KnownViolations.Edge edge : allowed) {
            rule = rule.ignoreDependency(resideInAPackage(edge.fromPackage()), resideInAPackage(edge.toPackage()));
        }
        return rule.allowEmptyShould(true);
    }

    @Test
    void noPublicSignatureNamesAnInternalType() {
        classes().that(PublicSignatures.ARE_API).and(notIn(EXEMPT)).should(PublicSignatures.NAME_NO_INTERNAL_TYPE)
                .check(modules.all());
    }

    private static DescribedPredicate<JavaClass> notIn(Set<String> exempt) {
        return DescribedPredicate.describe("are not in " + exempt, type -> !exempt.contains(modules.moduleOf(type)));
    }

    /** @return whether a package is internal: one of its names is {@code internal} */
    static boolean isInternal(String packageName) {
        return List.of(packageName.split("\\.")).contains("internal");
    }
}
