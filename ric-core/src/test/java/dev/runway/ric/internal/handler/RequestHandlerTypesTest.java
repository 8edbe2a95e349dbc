package dev.runway.ric.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.ric.internal.handler.fixtures.GenericFixtures;
import dev.runway.ric.internal.handler.fixtures.Order;
import dev.runway.ric.internal.handler.fixtures.OverloadFixtures;
import dev.runway.ric.internal.handler.fixtures.ShapeFixtures;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHandlerTypesTest {

    /** Reflection's own {@code Map<String, Integer>}, to check synthetic types are equal to it. */
    @SuppressWarnings("unused")
    private static Map<String, Integer> mapOfStringToInteger;

    private static RequestHandlerTypes typesOf(Class<?> type) {
        return RequestHandlerTypes.of(TypeResolver.of(type));
    }

    @Test
    void direct() {
        RequestHandlerTypes types = typesOf(ShapeFixtures.OrderTotal.class);
        assertThat(types.input()).isEqualTo(Order.class);
        assertThat(types.output()).isEqualTo(Integer.class);
    }

    @Test
    void throughAGenericSuperclass() throws Exception {
        RequestHandlerTypes types = typesOf(GenericFixtures.MapHandler.class);
        Type reflected = RequestHandlerTypesTest.class.getDeclaredField("mapOfStringToInteger").getGenericType();
        assertThat(types.input()).isEqualTo(reflected);
        assertThat(reflected).isEqualTo(types.input());
        assertThat(types.input().hashCode()).isEqualTo(reflected.hashCode());
        assertThat(types.output()).isEqualTo(String.class);
    }

    @Test
    void throughThreeLevelsWithSwappedAndNestedArguments() {
        RequestHandlerTypes types = typesOf(GenericFixtures.Level3.class);
        assertThat(types.input().getTypeName()).isEqualTo("java.util.Map<java.lang.String, java.lang.Integer>");
        assertThat(types.output().getTypeName()).isEqualTo("java.util.List<java.lang.Integer>");
    }

    @Test
    void throughAnInterfaceThatReordersTheArguments() {
        RequestHandlerTypes types = typesOf(GenericFixtures.FlippedHandler.class);
        assertThat(types.input()).isEqualTo(Integer.class);
        assertThat(types.output()).isEqualTo(String.class);
    }

    @Test
    void rawInterfaceMeansObject() {
        RequestHandlerTypes types = typesOf(GenericFixtures.RawHandler.class);
        assertThat(types.input()).isEqualTo(Object.class);
        assertThat(types.output()).isEqualTo(Object.class);
    }

    @Test
    void rawSuperclassErasesEverythingAboveIt() {
        RequestHandlerTypes types = typesOf(GenericFixtures.RawSub.class);
        assertThat(types.input()).isEqualTo(Object.class);
        assertThat(types.output()).isEqualTo(Object.class);
    }

    @Test
    void unboundVariableIsRejected() {
        assertThatThrownBy(() -> typesOf(GenericFixtures.Unbound.class))
                .isInstanceOfSatisfying(HandlerLoadException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
                    assertThat(e.getMessage()).isEqualTo("Class " + GenericFixtures.Unbound.class.getName()
                            + " does not implement RequestHandler with concrete type parameters: parameter T has no"
                            + " upper bound");
                });
    }

    @Test
    void boundedVariableMeansItsBound() {
        assertThat(typesOf(GenericFixtures.Bounded.class).input()).isEqualTo(Number.class);
    }

    @Test
    void recursiveBoundStops() {
        assertThat(typesOf(GenericFixtures.RecursiveBound.class).input().getTypeName())
                .isEqualTo("java.lang.Comparable<java.lang.Comparable>");
    }

    @Test
    void nestedUnboundVariableErases() {
        assertThat(typesOf(GenericFixtures.NestedUnbound.class).input().getTypeName())
                .isEqualTo("java.util.List<java.lang.Object>");
    }

    @Test
    void genericArrayOfABoundVariableIsAnArrayClass() {
        assertThat(typesOf(GenericFixtures.StringArrayHandler.class).input()).isEqualTo(String[].class);
    }

    @Test
    void bridgesDoNotConfuseTheSearch() {
        assertThat(typesOf(OverloadFixtures.Bridged.class).input()).isEqualTo(Order.class);
    }

    @Test
    void resolverKnowsEverySupertype() {
        TypeResolver resolver = TypeResolver.of(GenericFixtures.Level3.class);
        assertThat(resolver.hasSupertype(GenericFixtures.Level1.class)).isTrue();
        assertThat(resolver.hasSupertype(Object.class)).isTrue();
        assertThat(resolver.hasSupertype(List.class)).isFalse();
        assertThat(resolver.argumentsOf(GenericFixtures.Level1.class)[0]).isEqualTo(Integer.class);
    }
}
