package dev.runway.samples.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A POJO handler: the runtime turns the event JSON into a {@link HelloRequest} and the returned
 * {@link HelloResponse} into JSON. Handler string: {@code dev.runway.samples.hello.HelloHandler}.
 */
public class HelloHandler implements RequestHandler<HelloRequest, HelloResponse> {

    @Override
    public HelloResponse handleRequest(HelloRequest request, Context context) {
        String name = request == null || request.getName() == null || request.getName().isBlank()
                ? "world"
                : request.getName();
        return new HelloResponse("Hello, " + name + "!");
    }
}
