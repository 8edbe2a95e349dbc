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
import java.util.function.Function;

/**
 * The forwarders a {@link DeferredModule} registers in place of the real module's components. Lookups answer
 * with the first recorded component that answers; hooks pass their input through every recorded hook, as
 * Jackson itself chains them. Until the real module is built they answer nothing and change nothing.
 */
final class DeferredParts {

    private DeferredParts() {}

    /** A recorded component's answer to one question. */
    @FunctionalInterface
    interface Ask<C, R> {
        R of(C component) throws JsonMappingException;
    }

    /** The first non-null answer of {@code components}, or {@code null}. */
    static <C, R> R first(Recorded parts, Function<Recorded, List<C>> components, Ask<C, R> ask)
            throws JsonMappingException {
        if (parts == null) {
            return null;
        }
        for (C component : components.apply(parts)) {
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

    /** {@code value} passed through every recorded hook, or unchanged when there are none. */
    static <H, V> V chain(Recorded parts, Function<Recorded, List<H>> hooks, V value, Step<H, V> step) {
        if (parts == null) {
            return value;
        }
        V result = value;
        for (H hook : hooks.apply(parts)) {
            result = step.apply(hook, result);
        }
        return result;
    }

    /** Value or key serializers. */
    static final class SerializerLookup implements Serializers {
        private final DeferredModule module;
        private final Function<Recorded, List<Serializers>> list;

        SerializerLookup(DeferredModule module, boolean keys) {
            this.module = module;
            this.list = keys ? Recorded::keySerializers : Recorded::serializers;
        }

        private JsonSerializer<?> find(JavaType type, Ask<Serializers, JsonSerializer<?>> ask) {
            try {
                return first(module.partsFor(type), list, ask);
            } catch (JsonMappingException impossible) {
                throw new IllegalStateException(impossible); // serializer lookups declare no checked exception
            }
        }

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
            return find(type, s -> s.findSerializer(config, type, bean));
        }

        @Override
        public JsonSerializer<?> findReferenceSerializer(SerializationConfig config, ReferenceType type,
                BeanDescription bean, TypeSerializer typeSer, JsonSerializer<Object> contentSer) {
            return find(type, s -> s.findReferenceSerializer(config, type, bean, typeSer, contentSer));
        }

        @Override
        public JsonSerializer<?> findArraySerializer(SerializationConfig config, ArrayType type, BeanDescription bean,
                TypeSerializer typeSer, JsonSerializer<Object> elementSer) {
            return find(type, s -> s.findArraySerializer(config, type, bean, typeSer, elementSer));
        }

        @Override
        public JsonSerializer<?> findCollectionSerializer(SerializationConfig config, CollectionType type,
                BeanDescription bean, TypeSerializer typeSer, JsonSerializer<Object> elementSer) {
            return find(type, s -> s.findCollectionSerializer(config, type, bean, typeSer, elementSer));
        }

        @Override
        public JsonSerializer<?> findCollectionLikeSerializer(SerializationConfig config, CollectionLikeType type,
                BeanDescription bean, TypeSerializer typeSer, JsonSerializer<Object> elementSer) {
            return find(type, s -> s.findCollectionLikeSerializer(config, type, bean, typeSer, elementSer));
        }

        @Override
        public JsonSerializer<?> findMapSerializer(SerializationConfig config, MapType type, BeanDescription bean,
                JsonSerializer<Object> keySer, TypeSerializer typeSer, JsonSerializer<Object> valueSer) {
            return find(type, s -> s.findMapSerializer(config, type, bean, keySer, typeSer, valueSer));
        }

        @Override
        public JsonSerializer<?> findMapLikeSerializer(SerializationConfig config, MapLikeType type,
                BeanDescription bean, JsonSerializer<Object> keySer, TypeSerializer typeSer,
                JsonSerializer<Object> valueSer) {
            return find(type, s -> s.findMapLikeSerializer(config, type, bean, keySer, typeSer, valueSer));
        }
    }

    /** Value deserializers. */
    static final class DeserializerLookup implements Deserializers {
        private final DeferredModule module;

        DeserializerLookup(DeferredModule module) {
            this.module = module;
        }

        private JsonDeserializer<?> find(Recorded parts, Ask<Deserializers, JsonDeserializer<?>> ask)
                throws JsonMappingException {
            return first(parts, Recorded::deserializers, ask);
        }

        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                BeanDescription bean) throws JsonMappingException {
            return find(module.partsFor(type), d -> d.findEnumDeserializer(type, config, bean));
        }

        @Override
        public JsonDeserializer<?> findTreeNodeDeserializer(Class<? extends JsonNode> type,
                DeserializationConfig config, BeanDescription bean) throws JsonMappingException {
            return find(module.partsFor(type), d -> d.findTreeNodeDeserializer(type, config, bean));
        }

        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription bean) throws JsonMappingException {
            return find(module.partsFor(type), d -> d.findBeanDeserializer(type, config, bean));
        }

        @Override
        public JsonDeserializer<?> findReferenceDeserializer(ReferenceType type, DeserializationConfig config,
                BeanDescription bean, TypeDeserializer typeDeser, JsonDeserializer<?> contentDeser)
                throws JsonMappingException {
            return find(module.partsFor(type),
                    d -> d.findReferenceDeserializer(type, config, bean, typeDeser, contentDeser));
        }

        @Override
        public JsonDeserializer<?> findArrayDeserializer(ArrayType type, DeserializationConfig config,
                BeanDescription bean, TypeDeserializer typeDeser, JsonDeserializer<?> elementDeser)
                throws JsonMappingException {
            return find(module.partsFor(type), d -> d.findArrayDeserializer(type, config, bean, typeDeser, elementDeser));
        }

        @Override
        public JsonDeserializer<?> findCollectionDeserializer(CollectionType type, DeserializationConfig config,
                BeanDescription bean, TypeDeserializer typeDeser, JsonDeserializer<?> elementDeser)
                throws JsonMappingException {
            return find(module.partsFor(type),
                    d -> d.findCollectionDeserializer(type, config, bean, typeDeser, elementDeser));
        }

        @Override
        public JsonDeserializer<?> findCollectionLikeDeserializer(CollectionLikeType type,
                DeserializationConfig config, BeanDescription bean, TypeDeserializer typeDeser,
                JsonDeserializer<?> elementDeser) throws JsonMappingException {
            return find(module.partsFor(type),
                    d -> d.findCollectionLikeDeserializer(type, config, bean, typeDeser, elementDeser));
        }

        @Override
        public JsonDeserializer<?> findMapDeserializer(MapType type, DeserializationConfig config,
                BeanDescription bean, KeyDeserializer keyDeser, TypeDeserializer typeDeser,
                JsonDeserializer<?> valueDeser) throws JsonMappingException {
            return find(module.partsFor(type),
                    d -> d.findMapDeserializer(type, config, bean, keyDeser, typeDeser, valueDeser));
        }

        @Override
        public JsonDeserializer<?> findMapLikeDeserializer(MapLikeType type, DeserializationConfig config,
                BeanDescription bean, KeyDeserializer keyDeser, TypeDeserializer typeDeser,
                JsonDeserializer<?> valueDeser) throws JsonMappingException {
            return find(module.partsFor(type),
                    d -> d.findMapLikeDeserializer(type, config, bean, keyDeser, typeDeser, valueDeser));
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> type) {
            Recorded parts = module.partsFor(type);
            return parts != null && parts.deserializers().stream().anyMatch(d -> d.hasDeserializerFor(config, type));
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
            return first(module.partsFor(type), Recorded::keyDeserializers,
                    k -> k.findKeyDeserializer(type, config, bean));
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
            return chain(module.partsFor(bean.getType()), Recorded::instantiators, instantiator,
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
            return chain(module.partsToModify(type), Recorded::typeModifiers, type,
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

        private <V> V chain(JavaType type, V value, Step<BeanSerializerModifier, V> step) {
            return DeferredParts.chain(module.partsFor(type), Recorded::serializerHooks, value, step);
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                List<BeanPropertyWriter> props) {
            return chain(bean.getType(), props, (h, v) -> h.changeProperties(config, bean, v));
        }

        @Override
        public List<BeanPropertyWriter> orderProperties(SerializationConfig config, BeanDescription bean,
                List<BeanPropertyWriter> props) {
            return chain(bean.getType(), props, (h, v) -> h.orderProperties(config, bean, v));
        }

        @Override
        public BeanSerializerBuilder updateBuilder(SerializationConfig config, BeanDescription bean,
                BeanSerializerBuilder builder) {
            return chain(bean.getType(), builder, (h, v) -> h.updateBuilder(config, bean, v));
        }

        @Override
        public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription bean,
                JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(bean.getType(), ser, (h, v) -> h.modifySerializer(config, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyArraySerializer(SerializationConfig config, ArrayType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(type, ser, (h, v) -> h.modifyArraySerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(type, ser, (h, v) -> h.modifyCollectionSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyCollectionLikeSerializer(SerializationConfig config, CollectionLikeType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(type, ser, (h, v) -> h.modifyCollectionLikeSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyMapSerializer(SerializationConfig config, MapType type, BeanDescription bean,
                JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(type, ser, (h, v) -> h.modifyMapSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyMapLikeSerializer(SerializationConfig config, MapLikeType type,
                BeanDescription bean, JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(type, ser, (h, v) -> h.modifyMapLikeSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type, BeanDescription bean,
                JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(type, ser, (h, v) -> h.modifyEnumSerializer(config, type, bean, v));
        }

        @Override
        public JsonSerializer<?> modifyKeySerializer(SerializationConfig config, JavaType type, BeanDescription bean,
                JsonSerializer<?> ser) {
            return this.<JsonSerializer<?>>chain(type, ser, (h, v) -> h.modifyKeySerializer(config, type, bean, v));
        }
    }

    /** Deserializer hooks. */
    static final class DeserializerHooks extends BeanDeserializerModifier {
        private static final long serialVersionUID = 1L;
        private final transient DeferredModule module;

        DeserializerHooks(DeferredModule module) {
            this.module = module;
        }

        private <V> V chain(JavaType type, V value, Step<BeanDeserializerModifier, V> step) {
            return DeferredParts.chain(module.partsFor(type), Recorded::deserializerHooks, value, step);
        }

        @Override
        public List<BeanPropertyDefinition> updateProperties(DeserializationConfig config, BeanDescription bean,
                List<BeanPropertyDefinition> props) {
            return chain(bean.getType(), props, (h, v) -> h.updateProperties(config, bean, v));
        }

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                BeanDeserializerBuilder builder) {
            return chain(bean.getType(), builder, (h, v) -> h.updateBuilder(config, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription bean,
                JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(bean.getType(), deser, (h, v) -> h.modifyDeserializer(config, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(type, deser, (h, v) -> h.modifyEnumDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyReferenceDeserializer(DeserializationConfig config, ReferenceType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(type, deser, (h, v) -> h.modifyReferenceDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(type, deser, (h, v) -> h.modifyArrayDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(type, deser, (h, v) -> h.modifyCollectionDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyCollectionLikeDeserializer(DeserializationConfig config,
                CollectionLikeType type, BeanDescription bean, JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(type, deser, (h, v) -> h.modifyCollectionLikeDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(type, deser, (h, v) -> h.modifyMapDeserializer(config, type, bean, v));
        }

        @Override
        public JsonDeserializer<?> modifyMapLikeDeserializer(DeserializationConfig config, MapLikeType type,
                BeanDescription bean, JsonDeserializer<?> deser) {
            return this.<JsonDeserializer<?>>chain(type, deser, (h, v) -> h.modifyMapLikeDeserializer(config, type, bean, v));
        }

        @Override
        public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                KeyDeserializer deser) {
            return chain(type, deser, (h, v) -> h.modifyKeyDeserializer(config, type, v));
        }
    }
}
