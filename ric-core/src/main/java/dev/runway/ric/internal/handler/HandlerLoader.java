package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.runway.ric.StreamingRequestHandler;
import dev.runway.ric.internal.classpath.FunctionClassLoader;
import dev.runway.ric.internal.json.PojoCodec;
import dev.runway.ric.internal.json.PojoCodecs;
import dev.runway.ric.internal.logging.RuntimeLoggers;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.MalformedParameterizedTypeException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.function.Supplier;

/**
 * Resolves a handler string ({@code pkg.Class} or {@code pkg.Class::method}) to a {@link FunctionHandler}, the
 * way the managed Java runtime does:
 *
 * <ul>
 *   <li>The class is loaded and initialized ({@code Class.forName(name, true, loader)}), so its static
 *       initializers run during init.
 *   <li>{@code pkg.Class} must implement {@code RequestStreamHandler} (checked first) or
 *       {@code RequestHandler<I, O>}, whose {@code I} and {@code O} are found through superclasses and
 *       interfaces ({@link RequestHandlerTypes}).
 *   <li>{@code pkg.Class::method} runs the public method of that name, inherited or not, whose overload comes
 *       first in {@link MethodPriority} order among those with one of the ten {@link MethodShape shapes}.
 *   <li>Instances come from the public no-argument constructor; static methods need none.
 * </ul>
 *
 * <p>Unlike the managed runtime, which defers most of these failures to the first invocation (a missing class
 * lets init succeed, then fails every call), every failure to resolve the handler fails init: Lambda then
 * reports it at deployment time, once, instead of on each request.
 */
public final class HandlerLoader {

    private HandlerLoader() {}

    /**
     * Loads, links and instantiates the handler. The function's loader is the thread's context class loader
     * while the function's static initializers and constructor run; afterwards the thread's previous context
     * loader is put back, unless the function's own code changed it meanwhile (its choice then stands, as it
     * does in the managed runtime, which never resets it).
     *
     * @param handler the handler string
     * @param loader the function's class loader
     * @return the handler, ready for invocations, safe to share between loops
     * @throws HandlerLoadException when the string names nothing callable: reported without a stack trace
     * @throws ExceptionInInitializerError when the class's static initializer throws
     *     (any other {@code Error} a static initializer throws also leaves as itself)
     */
    public static FunctionHandler load(String handler, ClassLoader loader) {
        HandlerString parsed = HandlerString.parse(handler);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> type = loadClass(parsed.className(), loader);
            return parsed.hasMethod() ? forMethod(type, parsed.methodName(), loader) : forClass(type, loader);
        } finally {
            if (thread.getContextClassLoader() == loader) {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static Class<?> loadClass(String className, ClassLoader loader) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            // The JDK's own stack says nothing the message does not; a cause (a jar that could not be read) does.
            throw new HandlerLoadException(ClassNotFoundException.class.getName(), classNotFound(className, loader),
                    e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw e; // the function's static initializer failed: its own error, reported with its stack
        } catch (LinkageError e) {
            // A dependency is missing, or the class was compiled for a newer Java: the class cannot be used.
            throw new HandlerLoadException(e.getClass().getName(),
                    "Error loading class " + className + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, without loading or initializing anything, that the handler's class is there: local mode runs it
     * when it starts, so that a wrong task root or handler is told at once, with the message init would give.
     *
     * @param handler the handler string
     * @param loader the function's class loader
     * @return the message init would fail with, or {@code null} when the class file is found
     */
    public static String missingHandlerClass(String handler, ClassLoader loader) {
        HandlerString parsed;
        try {
            parsed = HandlerString.parse(handler);
        } catch (HandlerLoadException e) {
            return e.getMessage();
        }
        String resource = parsed.className().replace('.', '/') + ".class";
        return loader.getResource(resource) != null ? null : classNotFound(parsed.className(), loader);
    }

    private static String classNotFound(String className, ClassLoader loader) {
        return "Class not found: " + className
                + (loader instanceof FunctionClassLoader function ? " (searched " + function.searched() + ")" : "");
    }

    @SuppressWarnings("unchecked")
    private static FunctionHandler forClass(Class<?> type, ClassLoader loader) {
        if (StreamingRequestHandler.class.isAssignableFrom(type)) {
            return StreamingHandlerAdapter.of((StreamingRequestHandler) HandlerInstances.create(type));
        }
        if (RequestStreamHandler.class.isAssignableFrom(type)) {
            return new StreamHandlerAdapter((RequestStreamHandler) HandlerInstances.create(type));
        }
        if (RequestHandler.class.isAssignableFrom(type)) {
            RequestHandlerTypes types = inspect("class " + type.getName(),
                    () -> RequestHandlerTypes.of(TypeResolver.of(type)));
            Object instance = HandlerInstances.create(type);
            return new RequestHandlerAdapter((RequestHandler<Object, Object>) instance, input(types.input(), loader),
                    output(types.output(), loader));
        }
        throw new HandlerLoadException(IllegalArgumentException.class.getName(), "Class " + type.getName()
                + " does not implement an appropriate handler interface: implement"
                + " com.amazonaws.services.lambda.runtime.RequestHandler or RequestStreamHandler (or"
                + " dev.runway.ric.StreamingRequestHandler), or name a method"
                + " with " + type.getName() + "::method", null);
    }

    private static FunctionHandler forMethod(Class<?> type, String methodName, ClassLoader loader) {
        String subject = "method " + methodName + " on class " + type.getName();
        MethodSelection chosen = inspect(subject, () -> MethodSelection.choose(TypeResolver.of(type), methodName));
        MethodShape shape = chosen.shape();
        MethodHandle invoker = inspect(subject, () -> MethodInvokers.canonical(type, chosen.method(), shape));
        Object receiver = Modifier.isStatic(chosen.method().getModifiers()) ? null : HandlerInstances.create(type);
        if (shape.isStream()) {
            if (!JsonNull.isVoid(chosen.returnType())) {
                // The runtime's own logger, as loop's Diagnostics.warn writes it (this package sits below loop).
                RuntimeLoggers.get("runway").warn("The handler " + type.getName() + "::" + methodName
                        + " takes streams, so the " + chosen.returnType().getTypeName() + " it returns is ignored; "
                        + (shape.takesOutput() ? "the response is what it writes to the OutputStream."
                                : "the response is null."));
            }
            return new StreamMethodAdapter(invoker, receiver, shape.takesEvent(), !shape.takesOutput());
        }
        PojoCodec input = shape.takesEvent() ? eventCodec(chosen.parameterTypes()[0], loader) : null;
        return new PojoMethodAdapter(invoker, receiver, input, output(chosen.returnType(), loader));
    }

    /** The codec of a method's event parameter, which may be primitive, unlike a type argument. */
    private static PojoCodec eventCodec(Type type, ClassLoader loader) {
        PojoCodec codec = input(type, loader);
        return type instanceof Class<?> c && c.isPrimitive() ? PrimitiveEventCodec.of(codec, c) : codec;
    }

    /**
     * The codec of an input type, built for reading only (writing it is rare, and then built on first use); none
     * for {@code void} and {@code Void}, which are always null.
     */
    private static PojoCodec input(Type type, ClassLoader loader) {
        return JsonNull.isVoid(type) ? null : PojoCodecs.forInput(type, loader);
    }

    /** The codec of an output type, built for writing only; none for {@code void} and {@code Void}. */
    private static PojoCodec output(Type type, ClassLoader loader) {
        return JsonNull.isVoid(type) ? null : PojoCodecs.forOutput(type, loader);
    }

    /**
     * Runs a reflective step over the handler class. Reflection loads the classes that signatures name, so a
     * missing dependency or a broken generic signature surfaces here: that makes the handler unusable, a
     * {@link HandlerLoadException}, not a failure of the function's own code.
     */
    private static <T> T inspect(String subject, Supplier<T> step) {
        try {
            return step.get();
        } catch (ExceptionInInitializerError e) {
            throw e;
        } catch (LinkageError | TypeNotPresentException | MalformedParameterizedTypeException e) {
            throw new HandlerLoadException(e.getClass().getName(),
                    "Error loading " + subject + ": " + e.getMessage(), e);
        }
    }
}
