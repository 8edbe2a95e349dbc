package dev.runway.compat.micronaut;

import jakarta.inject.Singleton;

/** A bean the handler gets injected: proves the application context started on the runtime. */
@Singleton
public class Greeter {

    /**
     * @param name who to greet
     * @return the greeting
     */
    public String greet(String name) {
        return "Hello from Micronaut, " + name + "!";
    }
}
