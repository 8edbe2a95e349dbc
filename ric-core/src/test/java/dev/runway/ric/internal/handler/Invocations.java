package dev.runway.ric.internal.handler;

import dev.runway.ric.internal.loop.ResponseBuffer;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.OutputStream;

/** Loads fixtures and calls them as the loop does. */
final class Invocations {

    static final String REQUEST_ID = "req-1";

    private Invocations() {}

    /** Loads {@code type} as a handler class, with the test class loader as the function's loader. */
    static FunctionHandler load(Class<?> type) {
        return HandlerLoader.load(type.getName(), type.getClassLoader());
    }

    /** Loads {@code type::method}. */
    static FunctionHandler load(Class<?> type, String method) {
        return HandlerLoader.load(type.getName() + "::" + method, type.getClassLoader());
    }

    /** Calls the handler with a UTF-8 event and returns the response as text. */
    static String invoke(FunctionHandler handler, String event) throws Throwable {
        ResponseBuffer response = new ResponseBuffer(1 << 20);
        handler.handle(event.getBytes(UTF_8), response, new TestContext(REQUEST_ID));
        return new String(response.array(), 0, response.size(), UTF_8);
    }
}
