package dev.runway.bench.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The POJO benchmark function: JSON in, JSON out, a little real work, and one context read, as a typical small
 * handler does. Its cost is tiny on purpose, so what the harness measures is the runtime.
 */
public class PojoHandler implements RequestHandler<GreetingRequest, GreetingResponse> {

    /** The greeting's prefix; the harness checks each client's first response for it. */
    public static final String GREETING = "Hello, ";

    @Override
    public GreetingResponse handleRequest(GreetingRequest input, Context context) {
        GreetingResponse response = new GreetingResponse();
        response.setMessage(GREETING + input.getName() + "!");
        response.setTotal(input.getCount() * (input.getTags() == null ? 0 : input.getTags().size()));
        response.setRequestId(context.getAwsRequestId());
        return response;
    }
}
