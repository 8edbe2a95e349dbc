package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.assertSameJson;
import static dev.runway.ric.internal.json.Json.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One codec serves every loop under multi-concurrency. */
class ConcurrencyTest {

    @Test
    void codecsAreSharedSafelyByConcurrentLoops() throws Exception {
        List<Object[]> cases = List.of(
                new Object[] {PojoCodecs.forType(SNSEvent.class, getClass().getClassLoader()), sample("sns.json")},
                new Object[] {PojoCodecs.forType(DynamodbEvent.class, getClass().getClassLoader()), sample("dynamodb.json")},
                new Object[] {PojoCodecs.forType(Pojos.Order.class, getClass().getClassLoader()),
                        Json.bytes("{\"id\": \"o\", \"tags\": [\"a\", \"b\"], \"customer\": {\"name\": \"Ana\"}}")});
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> loops = new ArrayList<>();
            for (int loop = 0; loop < 8; loop++) {
                loops.add(() -> {
                    for (int i = 0; i < 200; i++) {
                        for (Object[] c : cases) {
                            PojoCodec codec = (PojoCodec) c[0];
                            byte[] json = (byte[]) c[1];
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            codec.write(codec.read(json), out);
                            assertThat(out.size()).isPositive();
                            if (i == 199) {
                                ByteArrayOutputStream again = new ByteArrayOutputStream();
                                codec.write(codec.read(out.toByteArray()), again);
                                assertSameJson(again.toByteArray(), out.toByteArray());
                            }
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> loop : pool.invokeAll(loops)) {
                loop.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
