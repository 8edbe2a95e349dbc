package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.TypeModifier;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A Jackson module that stands in for another one and builds it only when a type it {@linkplain #covers
 * covers} first shows up.
 *
 * <p>{@link JavaTimeModule} builds some sixty serializers and formatters when it is registered (about 170
 * classes, 25 ms of a cold JVM) and {@link Jdk8Module} another 5 ms: every function would pay that at init
 * although most never see a {@code java.time} value or an {@code Optional}. This module registers cheap
 * forwarders ({@link DeferredParts}) in their place; the first time Jackson asks about a covered type, the real
 * module is set up against a recording context and the forwarders pass every later question on to what it
 * registered. From then on the behaviour is that of the real module.
 *
 * <p>This is exact as long as {@code covers} accepts every type the real module would act on by itself;
 * bean-level hooks (such as the {@code Optional} property writers of {@link Jdk8Module}) are consulted only
 * once the module is built, which is always the case by then because the property's type was resolved first.
 */
final class DeferredModule extends Module {

    private final String name;
    private final Supplier<? extends Module> factory;
    private final Predicate<Class<?>> covers;
    private final Predicate<Class<?>> modifies;
    private volatile Recorded parts;

    /**
     * @param name the module name
     * @param factory builds the real module
     * @param covers the types the real module serializes or deserializes
     * @param modifies the types its type modifiers change; a narrower trigger because Jackson resolves the
     *     return type of every method of a class it introspects (a collection's {@code stream()} included)
     */
    DeferredModule(String name, Supplier<? extends Module> factory, Predicate<Class<?>> covers,
            Predicate<Class<?>> modifies) {
        this.name = name;
        this.factory = factory;
        this.covers = covers;
        this.modifies = modifies;
    }

    /** {@code java.time} types, as the managed runtime's {@link JavaTimeModule}. */
    static DeferredModule javaTime() {
        return new DeferredModule("deferred-jsr310",
                new ByName("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule"),
                new Prefixes("java.time."), new Prefixes());
    }

    /** {@code Optional*} and {@code java.util.stream} types, as the managed runtime's {@link Jdk8Module}. */
    static DeferredModule jdk8() {
        return new DeferredModule("deferred-jdk8",
                new ByName("com.fasterxml.jackson.datatype.jdk8.Jdk8Module"),
                new Prefixes("java.util.Optional", "java.util.stream."), new Prefixes("java.util.Optional"));
    }

    /**
     * Builds a module by class name. Neither a lambda nor {@code JavaTimeModule::new}: linking a constructor
     * reference verifies the class, which loads the ~70 serializer classes its {@code setupModule} names, and
     * every lambda is a class spun up at run time; both are what this stand-in exists to avoid.
     */
    private record ByName(String className) implements Supplier<Module> {
        @Override
        public Module get() {
            try {
                return (Module) Class.forName(className, true, DeferredModule.class.getClassLoader())
                        .getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build " + className, e);
            }
        }
    }

    /** Classes whose names start with one of the prefixes. */
    private record Prefixes(String... prefixes) implements Predicate<Class<?>> {
        @Override
        public boolean test(Class<?> type) {
            String name = type.getName();
            for (String prefix : prefixes) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public String getModuleName() {
        return name;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public Object getTypeId() {
        // Jackson skips a module whose id it has seen; the default id is the class name, shared by both stand-ins.
        return name;
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new DeferredParts.SerializerLookup(this, false));
        context.addKeySerializers(new DeferredParts.SerializerLookup(this, true));
        context.addDeserializers(new DeferredParts.DeserializerLookup(this));
        context.addKeyDeserializers(new DeferredParts.KeyDeserializerLookup(this));
        context.addValueInstantiators(new DeferredParts.InstantiatorLookup(this));
        context.addTypeModifier(new DeferredParts.TypeHook(this));
        context.addBeanSerializerModifier(new DeferredParts.SerializerHooks(this));
        context.addBeanDeserializerModifier(new DeferredParts.DeserializerHooks(this));
    }

    /** @return whether the real module has been built (for tests and for the cold-start measurements) */
    boolean isBuilt() {
        return parts != null;
    }

    /**
     * What the real module registered, building it if {@code type} is one of its types; {@code null} while it
     * is not built and {@code type} is not one of its types.
     */
    Recorded partsFor(JavaType type) {
        return partsFor(type == null ? null : type.getRawClass());
    }

    /** As {@link #partsFor(JavaType)}, for the lookups Jackson makes with a raw class. */
    Recorded partsFor(Class<?> type) {
        return partsIf(type != null && covers.test(type));
    }

    /** As {@link #partsFor(JavaType)}, for the type modifiers, with the narrower {@code modifies}. */
    Recorded partsToModify(JavaType type) {
        return partsIf(type != null && modifies.test(type.getRawClass()));
    }

    private Recorded partsIf(boolean needed) {
        Recorded built = parts;
        if (built != null || !needed) {
            return built;
        }
        synchronized (this) {
            if (parts == null) {
                parts = Recorded.of(factory.get());
            }
            return parts;
        }
    }

    /** The components a module registered, in registration order. */
    record Recorded(List<Serializers> serializers, List<Serializers> keySerializers,
                    List<Deserializers> deserializers, List<KeyDeserializers> keyDeserializers,
                    List<ValueInstantiators> instantiators, List<TypeModifier> typeModifiers,
                    List<BeanSerializerModifier> serializerHooks, List<BeanDeserializerModifier> deserializerHooks) {

        /** Sets {@code module} up against a context that only records; anything else it asks for fails loudly. */
        static Recorded of(Module module) {
            Recorded recorded = new Recorded(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            Module.SetupContext context = (Module.SetupContext) Proxy.newProxyInstance(
                    DeferredModule.class.getClassLoader(), new Class<?>[] {Module.SetupContext.class},
                    (proxy, method, args) -> recorded.record(module, method, args));
            module.setupModule(context);
            return recorded;
        }

        private Object record(Module module, Method method, Object[] args) {
            switch (method.getName()) {
                case "addSerializers" -> serializers.add((Serializers) args[0]);
                case "addKeySerializers" -> keySerializers.add((Serializers) args[0]);
                case "addDeserializers" -> deserializers.add((Deserializers) args[0]);
                case "addKeyDeserializers" -> keyDeserializers.add((KeyDeserializers) args[0]);
                case "addValueInstantiators" -> instantiators.add((ValueInstantiators) args[0]);
                case "addTypeModifier" -> typeModifiers.add((TypeModifier) args[0]);
                case "addBeanSerializerModifier" -> serializerHooks.add((BeanSerializerModifier) args[0]);
                case "addBeanDeserializerModifier" -> deserializerHooks.add((BeanDeserializerModifier) args[0]);
                case "getMapperVersion" -> {
                    return Version.unknownVersion();
                }
                case "toString" -> {
                    return "recording context of " + module.getModuleName();
                }
                case "hashCode" -> {
                    return System.identityHashCode(this);
                }
                case "equals" -> {
                    return false; // the proxy is only ever compared with itself by identity
                }
                // A newer module wants something a deferred stand-in cannot replay: fail the build, not the data.
                default -> throw new UnsupportedOperationException(
                        module.getModuleName() + " cannot be deferred: it calls SetupContext." + method.getName());
            }
            return null;
        }
    }
}
