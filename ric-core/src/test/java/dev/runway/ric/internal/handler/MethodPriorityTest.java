package dev.runway.ric.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.internal.handler.fixtures.Order;
import dev.runway.ric.internal.handler.fixtures.OverloadFixtures;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodPriorityTest {

    private static Method allTen(Class<?>... parameters) throws NoSuchMethodException {
        return OverloadFixtures.AllTen.class.getMethod("handle", parameters);
    }

    @Test
    void weightIsTheParameterCountPlusOneForATrailingContext() throws Exception {
        assertThat(MethodPriority.weight(allTen(InputStream.class, OutputStream.class, Context.class))).isEqualTo(4);
        assertThat(MethodPriority.weight(allTen(String.class, Context.class))).isEqualTo(3);
        assertThat(MethodPriority.weight(allTen(InputStream.class, Context.class))).isEqualTo(3);
        assertThat(MethodPriority.weight(allTen(OutputStream.class, Context.class))).isEqualTo(3);
        assertThat(MethodPriority.weight(allTen(InputStream.class, OutputStream.class))).isEqualTo(2);
        assertThat(MethodPriority.weight(allTen(Context.class))).isEqualTo(2);
        assertThat(MethodPriority.weight(allTen(String.class))).isEqualTo(1);
        assertThat(MethodPriority.weight(allTen(InputStream.class))).isEqualTo(1);
        assertThat(MethodPriority.weight(allTen())).isZero();
    }

    @Test
    void aLeadingContextEarnsNoBonus() throws Exception {
        Method contextFirst = OverloadFixtures.SkipsUnsupported.class.getMethod("handle", Context.class, String.class);
        assertThat(MethodPriority.weight(contextFirst)).isEqualTo(2);
    }

    @Test
    void heavierFirst() throws Exception {
        Method eventContext = allTen(String.class, Context.class);
        Method inOut = allTen(InputStream.class, OutputStream.class);
        assertThat(MethodPriority.INSTANCE.compare(eventContext, inOut)).isNegative();
        assertThat(MethodPriority.INSTANCE.compare(inOut, eventContext)).isPositive();
        assertThat(MethodPriority.INSTANCE.compare(inOut, allTen(Context.class))).isZero();
    }

    @Test
    void everyNonBridgeBeforeEveryBridge() {
        List<Method> sorted = Arrays.stream(OverloadFixtures.BridgeAndShorter.class.getMethods())
                .filter(m -> m.getName().equals("handle"))
                .sorted(MethodPriority.INSTANCE)
                .toList();
        // handle(Order, Context) weighs 3, handle(String) 1, and the bridge handle(Object, Context) 3: it still
        // comes last.
        assertThat(sorted).extracting(Method::isBridge).containsExactly(false, false, true);
        assertThat(sorted.get(0).getParameterTypes()).containsExactly(Order.class, Context.class);
        assertThat(sorted.get(1).getParameterTypes()).containsExactly(String.class);
        assertThat(sorted.get(2).getParameterTypes()).containsExactly(Object.class, Context.class);
    }
}
