package dev.runway.ric.internal.json;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Reads one handler's input type from JSON and writes its output type as JSON.
 *
 * <p>A codec is built once per handler during init and then used by every loop: it must be thread-safe.
 *
 * <p>The {@code null} conventions below are those of the runtime's Jackson codecs. A function's own
 * {@code CustomPojoSerializer} owns its format and gets empty payloads and {@code null} results as they are.
 */
public interface PojoCodec {

    /**
     * Deserializes an event.
     *
     * @param json the event bytes
     * @return the value, {@code null} for a JSON {@code null} or an empty payload
     * @throws EventDeserializationException when the bytes are not valid JSON for the type
     */
    Object read(byte[] json);

    /**
     * Serializes a response.
     *
     * @param value the handler's result, may be {@code null} (written as {@code null})
     * @param out where the JSON goes
     * @throws ResponseSerializationException when the value cannot be written as JSON
     * @throws IOException when {@code out} fails
     */
    void write(Object value, OutputStream out) throws IOException;

    /**
     * The codec for one invocation's client: this one, except for an ordinary POJO type when the client context
     * says the client is Android, which the managed runtime answers in Gson's shape (fields, not getters).
     *
     * @param context the invocation's context
     * @return the codec to use for it
     */
    default PojoCodec forClient(Context context) {
        return this;
    }
}
