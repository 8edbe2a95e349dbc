package ${package};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Greets whoever the event names. Handler string: {@code ${package}.Handler}. */
public class Handler implements RequestHandler<Handler.Request, Handler.Response> {

    /** The event: {@code {"name": "Ada"}}. */
    public record Request(String name) {}

    /** The result: {@code {"message": "Hello, Ada!"}}. */
    public record Response(String message) {}

    @Override
    public Response handleRequest(Request request, Context context) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw new IllegalArgumentException("the event has no name");
        }
        context.getLogger().log("greeting " + request.name());
        return new Response("Hello, " + request.name() + "!");
    }
}
