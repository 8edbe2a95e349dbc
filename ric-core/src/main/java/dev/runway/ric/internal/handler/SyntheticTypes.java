package dev.runway.ric.internal.handler;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The generic types {@link TypeResolver} builds when it substitutes type variables: the JDK has no public
 * factory for them. Equality and hash codes follow the JDK's own implementations, so a synthetic
 * {@code Map<String, Integer>} equals the one reflection returns for a field of that type, and JSON libraries
 * that inspect types through the {@code java.lang.reflect} interfaces cannot tell them apart.
 */
final class SyntheticTypes {

    private SyntheticTypes() {}

    /** A parameterized type such as {@code Map<String, Integer>}. */
    static final class Parameterized implements ParameterizedType {

        private final Class<?> rawType;
        private final Type ownerType;
        private final Type[] arguments;

        Parameterized(Class<?> rawType, Type ownerType, Type[] arguments) {
            this.rawType = rawType;
            this.ownerType = ownerType;
            this.arguments = arguments.clone();
        }

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return rawType;
        }

        @Override
        public Type getOwnerType() {
            return ownerType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType that
                    && rawType.equals(that.getRawType())
                    && Objects.equals(ownerType, that.getOwnerType())
                    && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ Objects.hashCode(ownerType) ^ rawType.hashCode();
        }

        @Override
        public String toString() {
            StringJoiner joined = new StringJoiner(", ", "<", ">").setEmptyValue("");
            for (Type argument : arguments) {
                joined.add(argument.getTypeName());
            }
            return rawType.getName() + joined;
        }
    }

    /** An array of a generic type, such as {@code List<String>[]}. */
    static final class GenericArray implements GenericArrayType {

        private final Type componentType;

        GenericArray(Type componentType) {
            this.componentType = componentType;
        }

        @Override
        public Type getGenericComponentType() {
            return componentType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof GenericArrayType that && componentType.equals(that.getGenericComponentType());
        }

        @Override
        public int hashCode() {
            return componentType.hashCode();
        }

        @Override
        public String toString() {
            return componentType.getTypeName() + "[]";
        }
    }

    /** A wildcard such as {@code ? extends Number}. */
    static final class Wildcard implements WildcardType {

        private final Type[] upperBounds;
        private final Type[] lowerBounds;

        Wildcard(Type[] upperBounds, Type[] lowerBounds) {
            this.upperBounds = upperBounds.clone();
            this.lowerBounds = lowerBounds.clone();
        }

        @Override
        public Type[] getUpperBounds() {
            return upperBounds.clone();
        }

        @Override
        public Type[] getLowerBounds() {
            return lowerBounds.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WildcardType that
                    && Arrays.equals(upperBounds, that.getUpperBounds())
                    && Arrays.equals(lowerBounds, that.getLowerBounds());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(upperBounds) ^ Arrays.hashCode(lowerBounds);
        }

        @Override
        public String toString() {
            if (lowerBounds.length > 0) {
                return "? super " + lowerBounds[0].getTypeName();
            }
            if (upperBounds.length == 0 || upperBounds[0] == Object.class) {
                return "?";
            }
            return "? extends " + upperBounds[0].getTypeName();
        }
    }
}
