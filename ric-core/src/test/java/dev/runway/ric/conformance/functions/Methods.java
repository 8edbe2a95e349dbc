package dev.runway.ric.conformance.functions;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Handlers named {@code Class::method}: static, void, overloaded, primitive. */
public class Methods {
    public static String greet(String name) {
        return "hi " + name;
    }

    public void ignore(Map<String, Object> event) {
        // returns nothing: the response is JSON null
    }

    public int increment(int value, Context context) {
        return value + 1;
    }

    public String overloaded(String value) {
        return "one:" + value;
    }

    public String overloaded(String value, Context context) {
        return "two:" + value;
    }

    public void overloaded(InputStream in, OutputStream out) throws java.io.IOException {
        out.write("\"stream\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public String noInput() {
        return "constant";
    }
}
