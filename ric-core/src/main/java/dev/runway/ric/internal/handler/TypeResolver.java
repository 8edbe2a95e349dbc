package dev.runway.ric.internal.handler;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the type variables of a class's supertypes stand for, seen from that class.
 *
 * <p>For {@code class B extends A<Map<String, Integer>>} and {@code class A<T> implements RequestHandler<T, String>},
 * the resolver of {@code B} knows that {@code A}'s {@code T} is {@code Map<String, Integer>}, and so that
 * {@code RequestHandler}'s arguments are {@code <Map<String, Integer>, String>}. The same knowledge types the
 * parameters of a handler method declared in a generic superclass.
 *
 * <p>Supertypes are visited breadth-first (a class's interfaces, then its superclass, level by level), the order
 * the managed runtime searches for {@code RequestHandler}. A supertype reached through a raw type is erased, as
 * the language defines: {@code class H implements Base} with {@code interface Base<X> extends RequestHandler<X, String>}
 * is a raw {@code RequestHandler}, whose methods take and return {@code Object}.
 */
final class TypeResolver {

    private final Class<?> root;
    /** Every supertype of the root, with its type arguments in terms of the root; {@code null} when raw. */
    private final Map<Class<?>, Type[]> supertypeArguments;
    /** The type variable of each parameterized supertype, mapped to its argument in terms of the root. */
    private final Map<TypeVariable<?>, Type> bindings;

    private TypeResolver(Class<?> root, Map<Class<?>, Type[]> supertypeArguments, Map<TypeVariable<?>, Type> bindings) {
        this.root = root;
        this.supertypeArguments = supertypeArguments;
        this.bindings = bindings;
    }

    /**
     * Walks the supertypes of a class.
     *
     * @param root the handler class
     * @return its resolver
     * @throws TypeNotPresentException and the other reflection errors of a broken generic signature
     */
    static TypeResolver of(Class<?> root) {
        Map<Class<?>, Type[]> arguments = new LinkedHashMap<>();
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        TypeResolver resolver = new TypeResolver(root, arguments, bindings);
        ArrayDeque<Class<?>> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Class<?> current = queue.poll();
            // A generic class reached without arguments is raw: its own supertypes are erased too.
            boolean raw = current != root && current.getTypeParameters().length > 0 && arguments.get(current) == null;
            for (Type supertype : directSupertypes(current)) {
                Class<?> supertypeClass = rawClass(supertype);
                if (arguments.containsKey(supertypeClass)) {
                    continue; // reached earlier by a shorter path; a valid hierarchy binds it the same way
                }
                Type[] bound = null;
                if (!raw && supertype instanceof ParameterizedType parameterized) {
                    bound = parameterized.getActualTypeArguments();
                    TypeVariable<?>[] variables = supertypeClass.getTypeParameters();
                    for (int i = 0; i < bound.length; i++) {
                        bound[i] = resolver.substitute(bound[i], false, new HashSet<>());
                        bindings.put(variables[i], bound[i]);
                    }
                }
                arguments.put(supertypeClass, bound);
                queue.add(supertypeClass);
            }
        }
        return resolver;
    }

    /** @return the class whose point of view this resolver takes */
    Class<?> root() {
        return root;
    }

    /** @return whether {@code type} is a supertype of the root (the root itself excluded) */
    boolean hasSupertype(Class<?> type) {
        return supertypeArguments.containsKey(type);
    }

    /**
     * The arguments the root gives a generic supertype, before any bound is applied: a type variable of the root
     * itself stays a type variable, so the caller can tell "unbound" from "bound to something".
     *
     * @param supertype a generic supertype of the root
     * @return its arguments, or {@code null} when the root reaches it only as a raw type (or not at all)
     */
    Type[] argumentsOf(Class<?> supertype) {
        Type[] arguments = supertypeArguments.get(supertype);
        return arguments == null ? null : arguments.clone();
    }

    /**
     * Resolves a type that appears in the root or one of its supertypes (a method's generic parameter, say) to a
     * type without type variables: bound variables are replaced by what they are bound to, and the rest (the
     * root's own variables, a generic method's variables, those of raw supertypes) by their first bound, which is
     * {@code Object} when they have none, as erasure does.
     *
     * @param type the declared type
     * @return the type as the root sees it
     */
    Type resolve(Type type) {
        return substitute(type, true, new HashSet<>());
    }

    /**
     * @param eraseUnbound whether a variable without binding becomes its bound, or stays a variable
     * @param expanding the unbound variables whose bounds are being expanded, to stop at recursive bounds such as
     *     {@code T extends Comparable<T>} (the inner {@code T} becomes its erasure)
     */
    private Type substitute(Type type, boolean eraseUnbound, Set<TypeVariable<?>> expanding) {
        if (type instanceof Class<?>) {
            return type;
        }
        if (type instanceof TypeVariable<?> variable) {
            Type bound = bindings.get(variable);
            if (bound != null) {
                // Bindings are in terms of the root, whose own variables are never keys: no cycle here.
                return substitute(bound, eraseUnbound, expanding);
            }
            if (!eraseUnbound) {
                return variable;
            }
            if (!expanding.add(variable)) {
                return rawClass(variable);
            }
            Type expanded = substitute(variable.getBounds()[0], true, expanding);
            expanding.remove(variable);
            return expanded;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            boolean changed = false;
            for (int i = 0; i < arguments.length; i++) {
                Type substituted = substitute(arguments[i], eraseUnbound, expanding);
                changed |= substituted != arguments[i];
                arguments[i] = substituted;
            }
            Type owner = parameterized.getOwnerType();
            Type substitutedOwner = owner == null ? null : substitute(owner, eraseUnbound, expanding);
            if (!changed && substitutedOwner == owner) {
                return parameterized;
            }
            return new SyntheticTypes.Parameterized((Class<?>) parameterized.getRawType(), substitutedOwner, arguments);
        }
        if (type instanceof GenericArrayType array) {
            Type component = substitute(array.getGenericComponentType(), eraseUnbound, expanding);
            return component instanceof Class<?> componentClass
                    ? componentClass.arrayType()
                    : new SyntheticTypes.GenericArray(component);
        }
        if (type instanceof WildcardType wildcard) {
            return new SyntheticTypes.Wildcard(substituteAll(wildcard.getUpperBounds(), eraseUnbound, expanding),
                    substituteAll(wildcard.getLowerBounds(), eraseUnbound, expanding));
        }
        throw new IllegalArgumentException("Unknown kind of type: " + type.getClass().getName() + " " + type);
    }

    private Type[] substituteAll(Type[] types, boolean eraseUnbound, Set<TypeVariable<?>> expanding) {
        for (int i = 0; i < types.length; i++) {
            types[i] = substitute(types[i], eraseUnbound, expanding);
        }
        return types;
    }

    /** A class's generic interfaces, then its generic superclass: the managed runtime's search order. */
    private static Type[] directSupertypes(Class<?> type) {
        Type[] interfaces = type.getGenericInterfaces();
        Type superclass = type.getGenericSuperclass();
        if (superclass == null) {
            return interfaces;
        }
        Type[] all = Arrays.copyOf(interfaces, interfaces.length + 1);
        all[interfaces.length] = superclass;
        return all;
    }

    /**
     * The erasure of a type.
     *
     * @param type any type
     * @return the class a value of that type is an instance of
     */
    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return rawClass(array.getGenericComponentType()).arrayType();
        }
        if (type instanceof TypeVariable<?> variable) {
            return rawClass(variable.getBounds()[0]);
        }
        if (type instanceof WildcardType wildcard) {
            return rawClass(wildcard.getUpperBounds()[0]);
        }
        return Object.class;
    }
}
