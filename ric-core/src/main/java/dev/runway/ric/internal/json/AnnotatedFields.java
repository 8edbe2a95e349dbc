package dev.runway.ric.internal.json;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import java.lang.annotation.Annotation;

/**
 * Makes a field that carries any Jackson annotation a property, as {@code @JsonProperty} would.
 *
 * <p>Why: the managed runtime's settings turn {@code INFER_PROPERTY_MUTATORS} off, so a private field is
 * dropped from its property before Jackson merges the annotations of the field, getter and setter; only the
 * annotations that make a field visible by themselves ({@code @JsonProperty}) or remove it ({@code @JsonIgnore})
 * survive. Functions annotate fields (Lombok puts nothing else to annotate): {@code @JsonAlias},
 * {@code @JsonFormat} or {@code @JsonDeserialize} on a field would silently do nothing. Classes without
 * Jackson annotations, which is every class written for the managed runtime, are not affected.
 *
 * <p>Paired after Jackson's own introspector, so an explicit {@code @JsonProperty("name")} keeps its name.
 */
final class AnnotatedFields extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public PropertyName findNameForSerialization(Annotated a) {
        return isAnnotatedField(a) ? PropertyName.USE_DEFAULT : null;
    }

    @Override
    public PropertyName findNameForDeserialization(Annotated a) {
        return isAnnotatedField(a) ? PropertyName.USE_DEFAULT : null;
    }

    private static boolean isAnnotatedField(Annotated a) {
        if (!(a instanceof AnnotatedField field)) {
            return false;
        }
        for (Annotation annotation : field.getAnnotated().getDeclaredAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(JacksonAnnotation.class)) {
                return true;
            }
        }
        return false;
    }
}
