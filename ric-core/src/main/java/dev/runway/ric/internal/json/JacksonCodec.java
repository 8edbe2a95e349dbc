package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * A {@link PojoCodec} over a Jackson reader and writer of one handler type. Both are immutable, so one codec
 * serves every loop.
 *
 * <p>Making a reader or writer builds the (de)serializers of the whole type graph, some 10 to 50 ms on a cold
 * JVM. A codec prepares, during init, the directions it is made for and the other one on first use: an input
 * type is never written and an output type never read.
 *
 * <p>The writer is typed with the declared type, as the managed runtime's: a subclass returned for a declared
 * superclass is written with the superclass's properties.
 */
final class JacksonCodec implements PojoCodec {

    private final ObjectMapper mapper;
    private final JavaType type;
    /** Whether Android clients get the Gson-style shape ({@link GsonStyleMapper}): for ordinary POJO types. */
    private final boolean androidVariant;
    // Racy but safe lazy initialization: both are immutable, and two threads racing build equal ones.
    private volatile ObjectReader reader;
    private volatile ObjectWriter writer;
    private volatile JacksonCodec android;

    private JacksonCodec(ObjectMapper mapper, JavaType type, boolean androidVariant) {
        this.mapper = mapper;
        this.type = type;
        this.androidVariant = androidVariant;
    }

    /** The codec of {@code type} in {@code mapper}, with the reader and/or writer built now. */
    static JacksonCodec of(ObjectMapper mapper, Type type, boolean prepareRead, boolean prepareWrite) {
        return of(mapper, type, prepareRead, prepareWrite, false);
    }

    /**
     * As {@link #of(ObjectMapper, Type, boolean, boolean)}; with {@code androidVariant}, an invocation from an
     * Android client ({@link #forClient}) is served by a codec of the Gson-style mapper, built on the first one.
     */
    static JacksonCodec of(ObjectMapper mapper, Type type, boolean prepareRead, boolean prepareWrite,
            boolean androidVariant) {
        JacksonCodec codec = new JacksonCodec(mapper, mapper.getTypeFactory().constructType(type), androidVariant);
        if (prepareRead) {
            codec.reader();
        }
        if (prepareWrite) {
            codec.writer();
        }
        return codec;
    }

    /**
     * Reads an event. An empty payload is no JSON document, so it fails to parse as it does on the managed runtime
     * (a handler that wants no input names no parameter, or takes a stream).
     */
    @Override
    public Object read(byte[] json) {
        try {
            return reader().readValue(json);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: a constructor or setter of the function's class failed while being fed the event.
            throw new EventDeserializationException(e);
        }
    }

    @Override
    public void write(Object value, OutputStream out) throws IOException {
        try {
            writer().writeValue(out, value);
        } catch (JsonProcessingException | RuntimeException e) {
            // Anything else is the stream failing, which is not the value's fault.
            throw new ResponseSerializationException(e);
        }
    }

    @Override
    public PojoCodec forClient(Context context) {
        if (!androidVariant || !isAndroid(context)) {
            return this;
        }
        JacksonCodec a = android;
        if (a == null) {
            android = a = new JacksonCodec(GsonStyleMapper.shared(), type, false);
        }
        return a;
    }

    /** The managed runtime's test: the client context's {@code env.platform}, compared ignoring case. */
    private static boolean isAndroid(Context context) {
        ClientContext client = context == null ? null : context.getClientContext();
        if (client == null) {
            return false;
        }
        Map<String, String> environment = client.getEnvironment();
        return environment != null && "Android".equalsIgnoreCase(environment.get("platform"));
    }

    boolean isReadPrepared() {
        return reader != null;
    }

    boolean isWritePrepared() {
        return writer != null;
    }

    private ObjectReader reader() {
        ObjectReader r = reader;
        if (r == null) {
            reader = r = mapper.readerFor(type);
        }
        return r;
    }

    private ObjectWriter writer() {
        ObjectWriter w = writer;
        if (w == null) {
            writer = w = mapper.writerFor(type);
        }
        return w;
    }
}
