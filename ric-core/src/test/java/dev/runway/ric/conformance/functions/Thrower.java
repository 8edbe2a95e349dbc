package dev.runway.ric.conformance.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Always fails. */
public class Thrower implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> in, Context context) {
        throw new IllegalArgumentException("bad input: " + in.get("id"));
    }
}
