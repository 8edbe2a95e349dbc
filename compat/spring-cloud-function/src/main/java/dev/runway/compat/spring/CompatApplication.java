package dev.runway.compat.spring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Cloud Function application as the AWS adapter runs it: the handler is
 * {@code org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest}, {@code MAIN_CLASS} names
 * this class, and {@code SPRING_CLOUD_FUNCTION_DEFINITION} picks one of the three functions.
 */
@SpringBootApplication
public class CompatApplication {

    /** The input of {@link #greet()}: a record, bound from the event's JSON. */
    public record Greeting(String name, int times) {}

    /** The output of {@link #greet()}. */
    public record Reply(String message, int length) {}

    /**
     * Starts the application (the adapter starts it itself; this is for running it by hand).
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(CompatApplication.class, args);
    }

    /** @return a String function: the event, upper-cased */
    @Bean
    public Function<String, String> uppercase() {
        return value -> value.toUpperCase(Locale.ROOT);
    }

    /** @return a record function: a greeting repeated {@code times} times */
    @Bean
    public Function<Greeting, Reply> greet() {
        return greeting -> {
            String message = ("Hello, " + greeting.name() + "! ").repeat(Math.max(1, greeting.times())).strip();
            return new Reply(message, message.length());
        };
    }

    /** @return a Map function: the event's keys, sorted, with their count */
    @Bean
    public Function<Map<String, Object>, Map<String, Object>> describe() {
        return event -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("keys", event.keySet().stream().sorted().toList());
            answer.put("count", event.size());
            return answer;
        };
    }
}
