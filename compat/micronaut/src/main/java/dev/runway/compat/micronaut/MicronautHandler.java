package dev.runway.compat.micronaut;

import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Micronaut function: the application context starts at init and injects {@link Greeter}. */
public class MicronautHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    Greeter greeter;

    @Override
    public Map<String, Object> execute(Map<String, Object> input) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("greeting", greeter.greet(String.valueOf(input.get("name"))));
        answer.put("keys", input.size());
        return answer;
    }
}
