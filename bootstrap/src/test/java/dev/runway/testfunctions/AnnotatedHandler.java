package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.PackageVersion;

/**
 * A function that brings its own Jackson (an older one, in its {@code lib/}) and also relies on the runtime
 * mapping its annotated types. Its answer says which Jackson the function's own code got, after using it.
 */
public class AnnotatedHandler implements RequestHandler<Order, Receipt> {

    @Override
    public Receipt handleRequest(Order order, Context context) {
        ObjectMapper functionMapper = new ObjectMapper();
        Order again;
        try {
            // The function's Jackson reads the runtime's (newer) jackson-annotations: the compatibility rule.
            again = functionMapper.readValue("{\"order_id\":\"" + order.orderId() + "\",\"item_count\":"
                    + order.itemCount() + ",\"unknown\":true}", Order.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new Receipt(again.orderId(), again.itemCount(), PackageVersion.VERSION.toString());
    }
}
