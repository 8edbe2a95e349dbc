package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import java.lang.reflect.Modifier;

/**
 * Gives the event classes the JSON names of {@link EventProperties} as if they carried {@code @JsonProperty}
 * and {@code @JsonIgnore}, and the S3 notification classes their {@link S3EventDeserializer}: the name-keyed
 * equivalent of the managed runtime's mix-ins, which cannot be used here because the event classes are the
 * function's, not the runtime's.
 *
 * <p>Answers only for public accessors of listed classes; everything else falls through to Jackson's own
 * annotation introspector, paired after this one.
 */
final class EventIntrospector extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public PropertyName findNameForSerialization(Annotated a) {
        return nameOf(a);
    }

    @Override
    public PropertyName findNameForDeserialization(Annotated a) {
        return nameOf(a);
    }

    @Override
    public boolean hasIgnoreMarker(AnnotatedMember m) {
        EventProperties.Rule rule = ruleOf(m);
        String base = rule == null ? null : accessorBase(m);
        return base != null && rule.ignored().contains(base);
    }

    @Override
    public Object findDeserializer(Annotated a) {
        if (a instanceof AnnotatedClass c && S3EventDeserializer.handles(c.getRawType())) {
            return new S3EventDeserializer(c.getRawType());
        }
        return null;
    }

    private static PropertyName nameOf(Annotated a) {
        EventProperties.Rule rule = a instanceof AnnotatedMember m ? ruleOf(m) : null;
        String base = rule == null ? null : accessorBase((AnnotatedMember) a);
        String name = base == null ? null : rule.nameOf(base);
        return name == null ? null : PropertyName.construct(name);
    }

    private static EventProperties.Rule ruleOf(AnnotatedMember m) {
        return EventProperties.of(m.getDeclaringClass().getName());
    }

    /**
     * The base of a public getter ({@code getX()}, {@code isX()}) or setter ({@code setX(v)}), else {@code null}.
     * Only real accessors are named: naming any other method would turn it into one.
     */
    private static String accessorBase(AnnotatedMember member) {
        if (!(member instanceof AnnotatedMethod m) || !Modifier.isPublic(m.getModifiers())
                || Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        String name = m.getName();
        int params = m.getParameterCount();
        if (params == 0 && m.getRawReturnType() != void.class) {
            return stripPrefix(name, "get") != null ? stripPrefix(name, "get") : stripPrefix(name, "is");
        }
        return params == 1 ? stripPrefix(name, "set") : null;
    }

    private static String stripPrefix(String name, String prefix) {
        return name.length() > prefix.length() && name.startsWith(prefix) ? name.substring(prefix.length()) : null;
    }
}
