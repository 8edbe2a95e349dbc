package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * An annotation introspector that names properties, the same way for reading and writing, and otherwise leaves
 * every question to the introspector it is paired with.
 */
abstract class PropertyNamingIntrospector extends NopAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public final Version version() {
        return Version.unknownVersion();
    }

    @Override
    public final PropertyName findNameForSerialization(Annotated a) {
        return nameOf(a);
    }

    @Override
    public final PropertyName findNameForDeserialization(Annotated a) {
        return nameOf(a);
    }

    /**
     * @param a a field, accessor or parameter
     * @return its property's name, {@link PropertyName#USE_DEFAULT} to make it a property under its own name, or
     *     {@code null} for no opinion
     */
    abstract PropertyName nameOf(Annotated a);
}
