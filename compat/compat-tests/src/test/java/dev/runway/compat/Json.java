package dev.runway.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads the JSON the functions answer and log. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** @return the log's lines that are JSON objects containing {@code text} */
    static List<JsonNode> lines(String log, String text) {
        return log.lines().filter(line -> line.startsWith("{") && line.contains(text)).map(Json::parse).toList();
    }
}
