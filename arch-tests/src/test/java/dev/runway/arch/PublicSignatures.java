package dev.runway.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The API a module shows: its public types outside {@code .internal} packages (nested ones only when every enclosing
 * type is public too), and their public and protected members. Such a signature (supertypes, field types, parameter,
 * return and thrown types, type arguments and bounds included) names no internal type: a user could not write it
 * without depending on what may change in any release.
 */
final class PublicSignatures {

    private PublicSignatures() {}

    /** Public types outside internal packages, reachable from outside their package. */
    static final DescribedPredicate<JavaClass> ARE_API = new DescribedPredicate<>("are public API") {
        @Override
        public boolean test(JavaClass type) {
            if (ArchitectureTest.isInternal(type.getPackageName()) || type.isAnonymousClass() || type.isLocalClass()) {
                return false;
            }
            for (JavaClass t = type; t != null; t = t.getEnclosingClass().orElse(null)) {
                if (!t.getModifiers().contains(JavaModifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        }
    };

    /** No internal type in the class's supertypes or in its public and protected members' signatures. */
    static final ArchCondition<JavaClass> NAME_NO_INTERNAL_TYPE = new ArchCondition<>(
            "name no internal type in a public or protected signature") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            List<JavaType> supertypes = new ArrayList<>();
            type.getSuperclass().ifPresent(supertypes::add);
            supertypes.addAll(type.getInterfaces());
            report(type, type.getName() + "'s supertypes", supertypes, events);
            for (JavaMember member : type.getMembers()) {
                if (!isApi(member) || member.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || member.getModifiers().contains(JavaModifier.BRIDGE)) {
                    continue;
                }
                List<JavaType> named = new ArrayList<>();
                if (member instanceof JavaField field) {
                    named.add(field.getType());
                } else if (member instanceof JavaCodeUnit code) {
                    named.add(code.getReturnType());
                    named.addAll(code.getParameterTypes());
                    named.addAll(code.getThrowsClause().getTypes());
                    named.addAll(code.getTypeParameters());
                }
                report(type, member.getFullName(), named, events);
            }
        }
    };

    private static boolean isApi(JavaMember member) {
        return member.getModifiers().contains(JavaModifier.PUBLIC) || member.getModifiers().contains(JavaModifier.PROTECTED);
    }

    private static void report(JavaClass owner, String where, List<? extends JavaType> types, ConditionEvents events) {
        for (JavaType type : types) {
            for (JavaClass raw : type.getAllInvolvedRawTypes()) {
                if (raw.getName().startsWith("dev.runway.") && ArchitectureTest.isInternal(raw.getPackageName())) {
                    events.add(SimpleConditionEvent.violated(owner, where + " names the internal type " + raw.getName()));
                }
            }
        }
    }
}
