package com.example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;
import org.joda.time.LocalDate;

/** Greets by name, with a date from a dependency in lib/ (joda-time), so the cache holds a library's classes too. */
public class Hello {

    public String handleRequest(Map<String, String> event, Context context) {
        return "Hello, " + event.getOrDefault("name", "world") + ", on " + new LocalDate(2026, 12, 7) + "!";
    }
}
