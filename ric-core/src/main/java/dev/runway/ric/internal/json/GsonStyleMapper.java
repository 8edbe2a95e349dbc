package dev.runway.ric.internal.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON shape the managed Java runtime uses for a client whose client context says {@code env.platform} is
 * {@code Android} (the AWS Mobile SDK's clients): Gson's, not Jackson's. Gson binds <em>fields</em>, whatever their
 * visibility and whether or not they have getters, ignores getters, setters and Jackson annotations, skips
 * {@code static} and {@code transient} fields, leaves {@code null} values out, does not escape HTML characters
 * (the runtime turns that off) and writes {@code NaN} and the infinities as bare literals (turned on). Reading
 * is lenient and ignores unknown names, as Gson's lenient reader does.
 *
 * <p>Built with Jackson (already on the runtime's class path) rather than by adding Gson: only functions that serve
 * Android clients ever build it, on their first such invocation.
 */
final class GsonStyleMapper {

    private GsonStyleMapper() {}

    /** The mapper, built on first use. */
    static ObjectMapper shared() {
        return Holder.MAPPER;
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                        JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET, StreamWriteFeature.AUTO_CLOSE_CONTENT,
                        StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
                .build();
        return JsonMapper.builder(factory)
                .disable(MapperFeature.USE_ANNOTATIONS)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS, SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = build();
    }
}
