package dev.runway.ric.internal.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerBuilder;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionLikeType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapLikeType;
import com.fasterxml.jackson.databind.type.MapType;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import dev.runway.ric.internal.json.DeferredModule.Recorded;
import java.lang.reflect.Type;
import java.util.List;

/**
 * The forwarders a {@link DeferredModule} registers in place of the real module's components. Lookups answer
 * with the first recorded component that answers; hooks pass their input through every recorded hook, as
 * Jackson itself chains them. Until the real module is built they answer nothing and change nothing.
 *
 * <p>Why this file is over the project's 400-line limit: each nested class stands in for one Jackson SPI
 * ({@code Serializers}, {@code Deserializers}, {@code BeanSerializerModifier}, ...) and must forward every one of
 * its methods, one short method each, since Jackson calls them all and a missing override would silently skip the
 * real module's component. The forwarders share one pattern ({@link #first}, {@link #chain}), which is why they are
 * kept together rather than in seven files.
 */
final class DeferredParts {

    private DeferredParts() {}

    /** A recorded component's answer to one question. */
    @FunctionalInterface
    interface Ask<C, R> {
        R of(C component) throws JsonMappingException;
    }

    /** The first non-null answer of {@code components}, or {@code null}. */
    static <C, R> R first(List<C> components, Ask<C, R> ask) throws JsonMappingException {
        for (C component : components) {
            R answer = ask.of(component);
            if (answer != null) {
                return answer;
            }
        }
        return null;
    }

    /** One step of a hook chain: the hook's version of {@code value}. */
    @FunctionalInterface
    interface Step<H, V> {
        V apply(H hook, V value);
    }

    /** {@code value} passed through every hook of {@code hooks}. */
    static <H, V> V chain(List<H> hooks, V value, Step<H, V> step) {
        V result = value;
        for (H hook : hooks) {
            result = step.apply(hook, result);
        }
        return result;
    }

    // Every forwarder first asks for the recorded components, and builds its lambda only when there are some:
    // until the real module is built (the common case), no lambda class is spun up, which costs on a cold JVM.

    /** Value or key serializers. */
    static final class SerializerLookup implements Serializers {
        private final DeferredModule module;
        private final boolean keys;

        SerializerLookup(DeferredModule module, boolean keys) {
            this.module = module;
            this.keys = keys;
        }

        private List<Serializers> recorded(JavaType type) {
            Recorded parts = module.partsFor(type);
            return parts == null ? List.of() : keys ? parts.keySerializers() : parts.serializers();
        }

        private static JsonSerializer<?> find(List<Serializers> recorded, Ask<Serializers, JsonSerializer<?>> ask) {
            try {
                return first(recorded, ask);
            } catch (JsonMappingException impossible) {
                throw new IllegalStateException(impossible); // serializer lookups declare no checked exception
            }
        }

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
            List<Serializers> found = recorded(type);
            return found.isEmpty() ? null : find(found, s -> s.findSerializer(config, type, bean));
        }

        @Override
        public JsonSerializer<?> findReferenceSerializer(SerializationConfig config, ReferenceType type,
                BeanDescription bean, TypeSerializer typeSer, JsonSerializer<Object> contentSer) {
            List<Serializers> found = recorded(type);
            return found.isEmpty() ? null
                    : find(found, s -> s.findReferenceSerializer(config, type, bean, typeSer, contentSer));
        }

        @Override
        public JsonSerializer<?> findArraySerializer(SerializationConfig config, ArrayType type, BeanDescription bean,
                TypeSerializer typeSer, JsonSerializer<Object> elementSer) {
            List<Serializers> found = recorded(type);
            return found.isEmpty() ? null
                    : find(found, s -> s.findArraySerializer(config, type, bean, typeSer, elementSer));
        }

        @Override
        public JsonSerializer<?> findCollectionSerializer(SerializationConfig config, CollectionType type,
                BeanDescription bean, TypeSerializer typeSer, JsonSerializer<Object> elementSer) {
            List<Serializers> found = recorded(type);
            return found.isEmpty() ? null
                    : find(found, s -> s.findCollectionSerializer(config, type, bean, typeSer, elementSer));
        }

        @Override
        public JsonSerializer<?> findCollectionLikeSerializer(SerializationConfig config, CollectionLikeType type,
                BeanDescription bean, TypeSerializer typeSer, JsonSerializer<Object> elementSer) {
            List<Serializers> found = recorded(type);
            return found.isEmpty() ? null
                    : find(found, s -> s.findCollectionLikeSerializer(config, type, bean, typeSer, elementSer));
        }

        @Override
        public JsonSerializer<?> findMapSerializer(SerializationConfig config, MapType type, BeanDescription bean,
                JsonSerializer<Object> keySer, TypeSerializer typeSer, JsonSerializer<Object> valueSer) {
            List<Serializers> found = recorded(type);
            return found.isEmpty() ? null
                    : find(found, s -> s.findMapSerializer(config, type, bean, keySer, typeSer, valueSer));
        }

        @Override
        public JsonSerializer<?> findMapLikeSerializer(SerializationConfig config, MapLikeType type,
                BeanDescription bean, JsonSerializer<Object> keySer, TypeSerializer typeSer,
                JsonSerializer<Object> valueSer) {
            List<Serializers> found = recorded(type);
            return found.isEmpty() ? null
                    : find(found, s -> s.findMapLikeSerializer(config, type, bean, keySer, typeSer, valueSer));
        }
    }

    /** Value deserializers. */
    static final class DeserializerLookup implements Deserializers {
        private final DeferredModule module;

        DeserializerLookup(DeferredModule module) {
            this.module = module;
        }

        private List<Deserializers> recorded(Class<?> type) {
            Recorded parts = module.partsFor(type);
            return parts == null ? List.of() : parts.deserializers();
        }

        private List<Deserializers> recorded(JavaType type) {
            return recorded(type.getRawClass());
        }

        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                BeanDescription bean) throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null : first(found, d -> d.findEnumDeserializer(type, config, bean));
        }

        @Override
        public JsonDeserializer<?> findTreeNodeDeserializer(Class<? extends JsonNode> type,
                DeserializationConfig config, BeanDescription bean) throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null : first(found, d -> d.findTreeNodeDeserializer(type, config, bean));
        }

        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription bean) throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null : first(found, d -> d.findBeanDeserializer(type, config, bean));
        }

        @Override
        public JsonDeserializer<?> findReferenceDeserializer(ReferenceType type, DeserializationConfig config,
                BeanDescription bean, TypeDeserializer typeDeser, JsonDeserializer<?> contentDeser)
                throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null
                    : first(found, d -> d.findReferenceDeserializer(type, config, bean, typeDeser, contentDeser));
        }

        @Override
        public JsonDeserializer<?> findArrayDeserializer(ArrayType type, DeserializationConfig config,
                BeanDescription bean, TypeDeserializer typeDeser, JsonDeserializer<?> elementDeser)
                throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null
                    : first(found, d -> d.findArrayDeserializer(type, config, bean, typeDeser, elementDeser));
        }

        @Override
        public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
                BeanDescription bean, TypeDeserializer typeDeser, JsonDeserializer<?> elementDeser)
                throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null
                    : first(found, d -> d.findCollectionDeserializer(type, config, bean, typeDeser, elementDeser));
        }

        @Override
        public JsonDeserializer<?> findCollectionLikeDeserializer(CollectionLikeType type,
                DeserializationConfig config, BeanDescription bean, TypeDeserializer typeDeser,
                JsonDeserializer<?> elementDeser) throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null
                    : first(found, d -> d.findCollectionLikeDeserializer(type, config, bean, typeDeser, elementDeser));
        }

        @Override
        public JsonDeserializer<?> findMapDeserializer(MapType type, DeserializationConfig config,
                BeanDescription bean, KeyDeserializer keyDeser, TypeDeserializer typeDeser,
                JsonDeserializer<?> valueDeser) throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null
                    : first(found, d -> d.findMapDeserializer(type, config, bean, keyDeser, typeDeser, valueDeser));
        }

        @Override
        public JsonDeserializer<?> findMapLikeDeserializer(MapLikeType type, DeserializationConfig config,
                BeanDescription bean, KeyDeserializer keyDeser, TypeDeserializer typeDeser,
                JsonDeserializer<?> valueDeser) throws JsonMappingException {
            List<Deserializers> found = recorded(type);
            return found.isEmpty() ? null
                    : first(found, d -> d.findMapLikeDeserializer(type, config, bean, keyDeser, typeDeser, valueDeser));
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> type) {
            for (Deserializers deserializers : recorded(type)) {
                if (deserializers.hasDeserializerFor(config, type)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Map key deserializers. */
    static final class KeyDeserializerLookup implements KeyDeserializers {
        private final DeferredModule module;

        KeyDeserializerLookup(DeferredModule module) {
            this.module = module;
        }

        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription bean)
                throws JsonMappingException {
            Recorded parts = module.partsFor(type);
            return parts == null ? null
                    : first(parts.keyDeserializers(), k -> k.findKeyDeserializer(type, config, bean));
        }
    }

    /** Value instantiators (chained, like Jackson does). */
    static final class InstantiatorLookup implements ValueInstantiators {
        private final DeferredModule module;

        InstantiatorLookup(DeferredModule module) {
            this.module = module;
        }

        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription bean,
                ValueInstantiator instantiator) {
            Recorded parts = module.partsFor(bean.getType());
            return parts == null ? instantiator : chain(parts.instantiators(), instantiator,
                    (v, current) -> v.findValueInstantiator(config, bean, current));
        }
    }

    /** Type modifiers: this is where {@code Optional} becomes a reference type, so it is usually the trigger. */
    static final class TypeHook extends TypeModifier {
        private final DeferredModule module;

        TypeHook(DeferredModule module) {
            this.module = module;
        }

        @Override
        public JavaType modifyType(JavaType type, Type jdkType, TypeBindings bindings, TypeFactory factory) {
            Recorded parts = module.partsToModify(type);
            return parts == null ? type : chain(parts.typeModifiers(), type,
                    (m, current) -> m.modifyType(current, jdkType, bindings, factory));
        }
    }

    /** Serializer hooks. */
    static final class SerializerHooks extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;
        private final transient DeferredModule module;

        SerializerHooks(DeferredModule module) {
            this.module = module;
        }

        private List<BeanSerializerModifier> recorded(JavaType type) {
            Recorded parts = module.partsFor(type);
            return parts == null ? List.of() : parts.serializerHooks();
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                List<BeanPropertyWriter> props) {
            List<BeanSerializerModifier> hooks = recorded(bean.getType());
            return hooks.isEmpty() ? props : chain(hooks, props, (h, v) -> h.changeProperties(config, bean, v));
        }

        @Override
        public List<BeanPropertyWriter> orderProperties(SerializationConfig config, BeanDescription bean,
                List<BeanPropertyWriter> props) {
            List<BeanSerializerModifier> hooks = recorded(bean.getType());
            return hooks.isEmpty() ? props : chain(hooks, props, (h, v) -> h.orderProperties(config, bean, v));
        }

        @Override
        public BeanSerializerBuilder updateBuilder(SerializationConfig config, BeanDescription bean,
                BeanSerializerBuilder builder) {
            List<BeanSerializerModifier> hooks = recorded(bean.getType());
            return hooks.isEmpty() ? builder : chain(hooks, builder, (h, v) -> h.updateBuilder(config, bean, v));
        }

        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(bean.getType());
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifySerializer(config, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyArraySerializer(SerializationConfig config, ArrayType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifyArraySerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifyCollectionSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyCollectionLikeSerializer(SerializationConfig config, CollectionLikeType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifyCollectionLikeSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type, BeanDescription bean,
                JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifyMapSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyMapLikeSerializer(SerializationConfig config, MapLikeType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifyMapLikeSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type, BeanDescription bean,
                JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifyEnumSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyKeySerializer(SerializationConfig config, JavaType type, BeanDescription bean,
                JsonSerializer<?> ser) {
            List<BeanSerializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? ser
                    : DeferredParts.<BeanSerializerModifier, JsonSerializer<?>>chain(hooks, ser,
                            (h, v) -> h.modifyKeySerializer(config, type, bean, v));
        }
    }

    /** Deserializer hooks. */
    static final class DeserializerHooks extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;
        private final transient DeferredModule module;

        DeserializerHooks(DeferredModule module) {
            this.module = module;
        }

        private List<BeanDeserializerModifier> recorded(JavaType type) {
            Recorded parts = module.partsFor(type);
            return parts == null ? List.of() : parts.deserializerHooks();
        }

        @Override
        public List<BeanPropertyDefinition> updateProperties(DeserializationConfig config, BeanDescription bean,
                List<BeanPropertyDefinition> props) {
            List<BeanDeserializerModifier> hooks = recorded(bean.getType());
            return hooks.isEmpty() ? props : chain(hooks, props, (h, v) -> h.updateProperties(config, bean, v));
        }

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                BeanDeserializerBuilder builder) {
            List<BeanDeserializerModifier> hooks = recorded(bean.getType());
            return hooks.isEmpty() ? builder : chain(hooks, builder, (h, v) -> h.updateBuilder(config, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(bean.getType());
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyDeserializer(config, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyEnumDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyReferenceDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyArrayDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyCollectionDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyCollectionLikeDeserializer(DeserializationConfig config,
                CollectionLikeType type, BeanDescription bean, JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyCollectionLikeDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyMapDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyMapLikeDeserializer(DeserializationConfig config, MapLikeType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser
                    : DeferredParts.<BeanDeserializerModifier, JsonDeserializer<?>>chain(hooks, deser,
                            (h, v) -> h.modifyMapLikeDeserializer(config, type, bean, v));
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                KeyDeserializer deser) {
            List<BeanDeserializerModifier> hooks = recorded(type);
            return hooks.isEmpty() ? deser : chain(hooks, deser, (h, v) -> h.modifyKeyDeserializer(config, type, v));
        }
    }
}
