package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The factory: which directions are prepared during init, and that the others still work. */
class PojoCodecsTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void forTypePreparesBothDirections() {
        JacksonCodec codec = (JacksonCodec) PojoCodecs.forType(Pojos.Order.class, loader);

        assertThat(codec.isReadPrepared()).isTrue();
        assertThat(codec.isWritePrepared()).isTrue();
    }

    @Test
    void forInputPreparesReadingAndStillWrites() throws IOException {
        JacksonCodec codec = (JacksonCodec) PojoCodecs.forInput(APIGatewayProxyRequestEvent.class, loader);

        assertThat(codec.isReadPrepared()).isTrue();
        assertThat(codec.isWritePrepared()).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(codec.read(bytes("{\"path\": \"/x\"}")), out);
        assertThat(out.toString()).isEqualTo("{\"path\":\"/x\"}");
    }

    @Test
    void forOutputPreparesWritingAndStillReads() {
        JacksonCodec codec = (JacksonCodec) PojoCodecs.forOutput(APIGatewayProxyResponseEvent.class, loader);

        assertThat(codec.isWritePrepared()).isTrue();
        assertThat(codec.isReadPrepared()).isFalse();
        assertThat(((APIGatewayProxyResponseEvent) codec.read(bytes("{\"statusCode\": 204}"))).getStatusCode())
                .isEqualTo(204);
    }
}
