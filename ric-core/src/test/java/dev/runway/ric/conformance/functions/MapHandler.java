package dev.runway.ric.conformance.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** A map in, a map out: the generic JSON shape. */
public class MapHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> in, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keys", in == null ? 0 : in.size());
        out.put("input", in);
        out.put("nothing", null);
        return out;
    }
}
