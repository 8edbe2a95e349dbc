package dev.runway.junit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A handler under test: greets, fails on demand, sleeps on demand. */
public class Greeter implements RequestHandler<Greeter.Request, Greeter.Response> {

    /** @param name who to greet @param sleepMs how long to take */
    public record Request(String name, long sleepMs) {}

    /** @param message the greeting */
    public record Response(String message) {}

    @Override
    public Response handleRequest(Request request, Context context) {
        context.getLogger().log("greeting " + request.name() + "\n");
        System.out.println("printed by the handler");
        if (request.name() == null) {
            throw new IllegalArgumentException("no name");
        }
        if (request.sleepMs() > 0) {
            try {
                Thread.sleep(request.sleepMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Response("Hello, " + request.name() + "!");
    }
}
