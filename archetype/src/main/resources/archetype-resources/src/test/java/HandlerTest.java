package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.runway.junit.LambdaFunctionExtension;
import dev.runway.junit.LambdaResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handler behind Runway's embedded Lambda platform: the same events, errors and logs as when deployed. */
class HandlerTest {

    @RegisterExtension
    static LambdaFunctionExtension lambda = LambdaFunctionExtension.handler(Handler.class).timeoutSeconds(5);

    @Test
    void greets() {
        Handler.Response response = lambda.invoke(new Handler.Request("Ada"), Handler.Response.class);

        assertEquals("Hello, Ada!", response.message());
    }

    @Test
    void anEventWithoutANameIsTheFunctionsError() {
        LambdaResponse response = lambda.invoke("{}");

        assertTrue(response.isError());
        assertEquals("java.lang.IllegalArgumentException", response.error().orElseThrow().errorType());
    }
}
