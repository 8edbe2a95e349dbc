package dev.runway.ric.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.internal.handler.fixtures.Order;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import org.junit.jupiter.api.Test;

class MethodShapeTest {

    private static MethodShape shape(Type... parameters) {
        return MethodShape.of(parameters);
    }

    @Test
    void theTenShapes() {
        assertThat(shape(InputStream.class, OutputStream.class, Context.class)).isEqualTo(MethodShape.STREAM_IN_OUT_CONTEXT);
        assertThat(shape(InputStream.class, OutputStream.class)).isEqualTo(MethodShape.STREAM_IN_OUT);
        assertThat(shape(OutputStream.class, Context.class)).isEqualTo(MethodShape.STREAM_OUT_CONTEXT);
        assertThat(shape(InputStream.class, Context.class)).isEqualTo(MethodShape.STREAM_IN_CONTEXT);
        assertThat(shape(InputStream.class)).isEqualTo(MethodShape.STREAM_IN);
        assertThat(shape(OutputStream.class)).isEqualTo(MethodShape.STREAM_OUT);
        assertThat(shape(Context.class)).isEqualTo(MethodShape.CONTEXT);
        assertThat(shape(Order.class, Context.class)).isEqualTo(MethodShape.EVENT_CONTEXT);
        assertThat(shape(Order.class)).isEqualTo(MethodShape.EVENT);
        assertThat(shape()).isEqualTo(MethodShape.NONE);
    }

    @Test
    void otherListsAreNoShape() {
        assertThat(shape(Context.class, Order.class)).isNull();
        assertThat(shape(Context.class, Context.class)).isNull();
        assertThat(shape(Order.class, Order.class)).isNull();
        assertThat(shape(InputStream.class, Order.class)).isNull();
        assertThat(shape(OutputStream.class, Order.class)).isNull();
        assertThat(shape(OutputStream.class, InputStream.class)).isNull();
        assertThat(shape(Order.class, OutputStream.class, Context.class)).isNull();
        assertThat(shape(InputStream.class, OutputStream.class, Context.class, Order.class)).isNull();
    }

    @Test
    void typesAreComparedExactlyNotBySubtype() {
        // As in the managed runtime: a ByteArrayInputStream parameter is an event type, read as JSON.
        assertThat(shape(ByteArrayInputStream.class)).isEqualTo(MethodShape.EVENT);
        assertThat(shape(Object.class, Context.class)).isEqualTo(MethodShape.EVENT_CONTEXT);
    }

    @Test
    void streamShapesAndTheirSlots() {
        assertThat(MethodShape.STREAM_IN_CONTEXT.isStream()).isTrue();
        assertThat(MethodShape.STREAM_IN_CONTEXT.takesEvent()).isTrue();
        assertThat(MethodShape.STREAM_IN_CONTEXT.takesOutput()).isFalse();
        assertThat(MethodShape.STREAM_OUT.takesEvent()).isFalse();
        assertThat(MethodShape.STREAM_OUT.takesOutput()).isTrue();
        assertThat(MethodShape.CONTEXT.isStream()).isFalse();
        assertThat(MethodShape.CONTEXT.takesEvent()).isFalse();
        assertThat(MethodShape.EVENT_CONTEXT.slots()).containsExactly(1, 3);
        assertThat(MethodShape.NONE.slots()).isEmpty();
    }
}
