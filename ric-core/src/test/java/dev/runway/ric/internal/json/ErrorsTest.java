package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.bytes;
import static dev.runway.ric.internal.json.Json.codec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad payloads and unwritable results become the runtime's typed errors, never a crash of the loop. */
class ErrorsTest {

    @Test
    void malformedJsonIsAnEventDeserializationException() {
        assertThatThrownBy(() -> codec(Pojos.Order.class).read(bytes("{\"id\": ")))
                .isInstanceOf(EventDeserializationException.class)
                .hasMessage("An error occurred during JSON parsing")
                .cause().isInstanceOf(JsonProcessingException.class).hasMessageContaining("end-of-input");
    }

    @Test
    void aWrongShapeIsAnEventDeserializationException() {
        assertThatThrownBy(() -> codec(Pojos.Order.class).read(bytes("{\"quantity\": {\"a\": 1}}")))
                .isInstanceOf(EventDeserializationException.class)
                .cause().hasMessageContaining("quantity");
        assertThatThrownBy(() -> codec(SQSEvent.class).read(bytes("{\"Records\": 5}")))
                .isInstanceOf(EventDeserializationException.class);
        assertThatThrownBy(() -> codec(S3Event.class).read(bytes("[1, 2]")))
                .isInstanceOf(EventDeserializationException.class);
        assertThatThrownBy(() -> codec(S3Event.class).read(bytes("{\"Records\": [7]}")))
                .isInstanceOf(EventDeserializationException.class);
    }

    @Test
    void aBadJodaTimestampIsAnEventDeserializationException() {
        assertThatThrownBy(() -> codec(ScheduledEvent.class).read(bytes("{\"time\": \"yesterday\"}")))
                .isInstanceOf(EventDeserializationException.class)
                .cause().hasMessageContaining("yesterday");
        // The S3 record parses eventTime in its constructor; a missing one is "" there, as in the managed runtime.
        assertThatThrownBy(() -> codec(S3Event.class).read(bytes("{\"Records\": [{}]}")))
                .isInstanceOf(EventDeserializationException.class);
    }

    /** A setter that rejects its value. */
    public static class Strict {
        private int size;
        public int getSize() { return size; }
        public void setSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative");
            }
            this.size = size;
        }
    }

    @Test
    void aFailingSetterIsAnEventDeserializationException() {
        assertThatThrownBy(() -> codec(Strict.class).read(bytes("{\"size\": -1}")))
                .isInstanceOf(EventDeserializationException.class)
                .rootCause().hasMessage("size must not be negative");
    }

    /** A getter that throws. */
    public static class Exploding {
        public String getValue() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aFailingGetterIsAResponseSerializationException() {
        assertThatThrownBy(() -> codec(Exploding.class).write(new Exploding(), new ByteArrayOutputStream()))
                .isInstanceOf(ResponseSerializationException.class)
                .hasMessage("An error occurred during JSON serialization of response")
                .rootCause().hasMessage("boom");
    }

    /** Refers to itself, directly or through a list. */
    public static class Node {
        private final List<Node> children = new ArrayList<>();
        public Node getSelf() { return this; }
        public List<Node> getChildren() { return children; }
    }

    /** A cycle two objects long, which only stack depth reveals. */
    public static class Link {
        private Link next;
        public Link getNext() { return next; }
        public void setNext(Link next) { this.next = next; }
    }

    @Test
    void aCycleIsAResponseSerializationException() {
        Link a = new Link();
        Link b = new Link();
        a.setNext(b);
        b.setNext(a);

        assertThatThrownBy(() -> codec(Node.class).write(new Node(), new ByteArrayOutputStream()))
                .isInstanceOf(ResponseSerializationException.class);
        assertThatThrownBy(() -> codec(Link.class).write(a, new ByteArrayOutputStream()))
                .isInstanceOf(ResponseSerializationException.class);
    }

    @Test
    void aResultOfTheWrongTypeIsAResponseSerializationException() {
        // Possible through raw types: RequestHandler<Object, Integer> returning a String.
        assertThatThrownBy(() -> codec(Integer.class).write("not a number", new ByteArrayOutputStream()))
                .isInstanceOf(ResponseSerializationException.class);
    }

    @Test
    void aFailingStreamIsAnIOExceptionNotTheValuesFault() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk on fire");
            }
        };

        assertThatThrownBy(() -> codec(String.class).write("x".repeat(100_000), broken))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(JsonProcessingException.class)
                .hasMessage("disk on fire");
    }

    @Test
    void leavesTheResponseStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        codec(Pojos.Order.class).write(new Pojos.Order(), out);

        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }
}
