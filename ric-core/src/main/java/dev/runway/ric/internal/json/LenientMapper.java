package dev.runway.ric.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configuration of the managed Java runtime ({@code aws-lambda-java-serialization}'s
 * {@code JacksonFactory}), so that every payload it accepts is accepted here and every result is written the
 * same way.
 *
 * <p>What differs on purpose: Jackson is not relocated, so the function's own Jackson annotations are honoured
 * (on fields too, see {@link AnnotatedFields}); serializers are looked up eagerly, during init; and the
 * {@code java.time} and {@code Optional} modules are {@linkplain DeferredModule deferred} until a type of theirs
 * shows up, because building them eagerly costs about 30 ms of every cold start.
 */
final class LenientMapper {

    private LenientMapper() {}

    /** The mapper of ordinary (non-event) types, built on first use. */
    static ObjectMapper shared() {
        return Holder.MAPPER;
    }

    /** The function's Jackson annotations, with {@link AnnotatedFields} so that annotated fields count. */
    static AnnotationIntrospector functionAnnotations() {
        return AnnotationIntrospector.pair(new JacksonAnnotationIntrospector(), new AnnotatedFields());
    }

    /** A builder carrying the managed runtime's settings, for the shared mapper and the event mapper. */
    static JsonMapper.Builder builder() {
        return settings().addModule(DeferredModule.javaTime()).addModule(DeferredModule.jdk8());
    }

    /** The settings without the {@code java.time} and {@code Optional} modules (the tests add eager ones). */
    static JsonMapper.Builder settings() {
        JsonFactory factory = JsonFactory.builder()
                // Payloads the managed runtime tolerates: {v:'x'}, 007, NaN, raw tabs in strings, "\q".
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                        JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                // The response stream belongs to the loop: never close it, never flush it per value.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET, StreamWriteFeature.AUTO_CLOSE_CONTENT,
                        StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                .build();
        return JsonMapper.builder(factory)
                // Bean discovery exactly as the managed runtime: JavaBeans names (getURL -> "URL"), only visible
                // mutators, no getters used as setters, and creators only when declared (@JsonCreator,
                // @ConstructorProperties) or implied by the type (a record's canonical constructor).
                .enable(MapperFeature.USE_STD_BEAN_NAMING)
                .disable(MapperFeature.AUTO_DETECT_CREATORS, MapperFeature.INFER_PROPERTY_MUTATORS,
                        MapperFeature.USE_GETTERS_AS_SETTERS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                        DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT,
                        DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS, SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                // The managed runtime turns eager serializer lookup off; we keep it on so that a handler's
                // serializers are built during init (and land in a SnapStart snapshot), not on the first call.
                .enable(SerializationFeature.EAGER_SERIALIZER_FETCH)
                // NON_NULL for properties and for the values of maps, as setSerializationInclusion(NON_NULL) does.
                .annotationIntrospector(functionAnnotations())
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    }

    /** Lazy holder: the mapper is built by the first {@code forType}, not when this class is loaded. */
    private static final class Holder {
        static final ObjectMapper MAPPER = builder().build();
    }
}
