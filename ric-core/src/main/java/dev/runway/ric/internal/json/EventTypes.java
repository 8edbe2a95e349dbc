package dev.runway.ric.internal.json;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;

/**
 * Recognises the event types of {@code aws-lambda-java-events} by name. They come from the function's jar (any
 * 3.x version), never from the runtime's class path, so the runtime cannot refer to them as classes.
 */
final class EventTypes {

    /** The package of every event class and of its nested models. */
    static final String EVENTS = "com.amazonaws.services.lambda.runtime.events.";

    /** The S3 notification model of the AWS SDK for Java 1.x, which the managed runtime also accepts. */
    static final String SDK_V1_S3 = "com.amazonaws.services.s3.event.S3EventNotification";

    private EventTypes() {}

    /**
     * Whether {@code type} is an event type or is built from one ({@code List<SQSEvent>}, {@code SQSEvent[]}).
     * A function's own class is not looked into: like the managed runtime, an event held by a field of a
     * function class is written by the ordinary mapper.
     */
    static boolean involves(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? involves(c.getComponentType()) : isEventClass(c.getName());
        }
        if (type instanceof ParameterizedType p) {
            if (involves(p.getRawType())) {
                return true;
            }
            for (Type argument : p.getActualTypeArguments()) {
                if (involves(argument)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof GenericArrayType a) {
            return involves(a.getGenericComponentType());
        }
        if (type instanceof WildcardType w) {
            return w.getUpperBounds().length > 0 && involves(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            // Only the bound's class: T extends Comparable<T> would otherwise recurse for ever.
            Type bound = v.getBounds()[0];
            return involves(bound instanceof ParameterizedType p ? p.getRawType() : bound);
        }
        return false;
    }

    static boolean isEventClass(String name) {
        return name.startsWith(EVENTS) || name.startsWith(SDK_V1_S3);
    }
}
