package dev.runway.ric.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.internal.handler.fixtures.FailureFixtures;
import dev.runway.ric.internal.handler.fixtures.GenericFixtures;
import dev.runway.ric.internal.handler.fixtures.Order;
import dev.runway.ric.internal.handler.fixtures.OverloadFixtures;
import dev.runway.ric.internal.handler.fixtures.PublicOfPackageBase;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class MethodSelectionTest {

    private static MethodSelection choose(Class<?> type, String method) {
        return MethodSelection.choose(TypeResolver.of(type), method);
    }

    @Test
    void theHeaviestShapeWins() {
        MethodSelection chosen = choose(OverloadFixtures.AllTen.class, "handle");
        assertThat(chosen.shape()).isEqualTo(MethodShape.STREAM_IN_OUT_CONTEXT);
        assertThat(chosen.method().getParameterTypes())
                .containsExactly(InputStream.class, OutputStream.class, Context.class);
    }

    @Test
    void theRealMethodWinsOverItsBridge() {
        MethodSelection chosen = choose(OverloadFixtures.Bridged.class, "handleRequest");
        assertThat(chosen.method().isBridge()).isFalse();
        assertThat(chosen.parameterTypes()).containsExactly(Order.class, Context.class);
        assertThat(chosen.returnType()).isEqualTo(Integer.class);
    }

    @Test
    void aCovariantOverrideWinsOverItsBridge() {
        MethodSelection chosen = choose(OverloadFixtures.CovariantSub.class, "handle");
        assertThat(chosen.method().isBridge()).isFalse();
        assertThat(chosen.returnType()).isEqualTo(String.class);
    }

    @Test
    void aShorterNonBridgeWinsOverALongerBridge() {
        MethodSelection chosen = choose(OverloadFixtures.BridgeAndShorter.class, "handle");
        assertThat(chosen.method().getParameterTypes()).containsExactly(Order.class, Context.class);
    }

    @Test
    void parametersAreTypedByTheHandlerClassesArguments() {
        MethodSelection chosen = choose(GenericFixtures.OrderMethods.class, "handle");
        assertThat(chosen.method().getDeclaringClass()).isEqualTo(GenericFixtures.MethodBase.class);
        assertThat(chosen.shape()).isEqualTo(MethodShape.EVENT_CONTEXT);
        assertThat(chosen.parameterTypes()).containsExactly(Order.class, Context.class);
    }

    @Test
    void parametersAreTypedThroughTwoLevels() {
        MethodSelection chosen = choose(GenericFixtures.MapMethods.class, "handle");
        assertThat(chosen.parameterTypes()[0].getTypeName())
                .isEqualTo("java.util.Map<java.lang.String, java.lang.Integer>");
    }

    @Test
    void returnTypesAreTypedByTheHandlerClassesArguments() {
        MethodSelection chosen = choose(GenericFixtures.OrderLists.class, "twice");
        assertThat(chosen.returnType().getTypeName())
                .isEqualTo("java.util.List<dev.runway.ric.internal.handler.fixtures.Order>");
    }

    @Test
    void aVisibilityBridgeIsTypedLikeTheMethodItPublishes() {
        MethodSelection chosen = choose(PublicOfPackageBase.class, "handle");
        assertThat(chosen.method().isBridge()).isTrue();
        assertThat(chosen.method().getDeclaringClass()).isEqualTo(PublicOfPackageBase.class);
        assertThat(chosen.parameterTypes()).containsExactly(Order.class, Context.class);
    }

    @Test
    void anErasureBridgeKeepsItsErasedTypes() throws Exception {
        java.lang.reflect.Method bridge = OverloadFixtures.Bridged.class.getMethod("handleRequest", Object.class,
                Context.class);
        assertThat(bridge.isBridge()).isTrue();
        assertThat(MethodSelection.declarationOf(bridge)).isSameAs(bridge);
    }

    @Test
    void aGenericMethodsOwnVariableErasesToObject() {
        MethodSelection chosen = choose(GenericFixtures.GenericMethod.class, "echo");
        assertThat(chosen.parameterTypes()).containsExactly(Object.class);
        assertThat(chosen.returnType()).isEqualTo(Object.class);
    }

    @Test
    void noMethodOfThatName() {
        assertThatThrownBy(() -> choose(FailureFixtures.NoPublicMethod.class, "handle"))
                .isInstanceOfSatisfying(HandlerLoadException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("java.lang.NoSuchMethodException");
                    assertThat(e.getMessage()).isEqualTo("No public method named 'handle' found on class "
                            + FailureFixtures.NoPublicMethod.class.getName());
                });
    }

    @Test
    void noOverloadWithAShape() {
        assertThatThrownBy(() -> choose(FailureFixtures.NoShape.class, "handle"))
                .isInstanceOfSatisfying(HandlerLoadException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("java.lang.NoSuchMethodException");
                    assertThat(e.getMessage())
                            .startsWith("No public method named 'handle' with appropriate method signature found on"
                                    + " class " + FailureFixtures.NoShape.class.getName())
                            .contains("handle(com.amazonaws.services.lambda.runtime.Context, java.lang.String)")
                            .contains("handle(java.lang.String, java.lang.String)");
                });
    }
}
