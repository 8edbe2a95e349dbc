package dev.runway.samples.hello;

/** The result of {@link HelloHandler}, serialized as {@code {"message":"Hello, Ada!"}}. */
public class HelloResponse {

    private String message;

    /** For deserializers. */
    public HelloResponse() {}

    /** @param message the greeting */
    public HelloResponse(String message) {
        this.message = message;
    }

    /** @return the greeting */
    public String getMessage() {
        return message;
    }

    /** @param message the greeting */
    public void setMessage(String message) {
        this.message = message;
    }
}
