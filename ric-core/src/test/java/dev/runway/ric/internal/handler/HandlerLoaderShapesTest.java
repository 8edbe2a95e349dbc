package dev.runway.ric.internal.handler;

import static dev.runway.ric.internal.handler.Invocations.invoke;
import static dev.runway.ric.internal.handler.Invocations.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.ric.internal.handler.fixtures.GenericFixtures;
import dev.runway.ric.internal.handler.fixtures.OverloadFixtures;
import dev.runway.ric.internal.handler.fixtures.PublicOfPackageBase;
import dev.runway.ric.internal.handler.fixtures.ShapeFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Loads handlers of every kind and calls them as the loop does. */
class HandlerLoaderShapesTest {

    @BeforeEach
    void forget() {
        ShapeFixtures.received = null;
    }

    @Nested
    class Interfaces {

        @Test
        void requestHandler() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.Echo.class), "\"hi\"")).isEqualTo("\"hi@req-1\"");
        }

        @Test
        void requestHandlerWithAPojoInput() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.OrderTotal.class), "{\"id\":\"a\",\"qty\":21}")).isEqualTo("42");
        }

        @Test
        void voidOutputIsJsonNull() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.VoidOutput.class), "\"x\"")).isEqualTo("null");
            assertThat(ShapeFixtures.received).isEqualTo("x");
        }

        @Test
        void voidInputIsNotParsed() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.VoidInput.class), "not json")).isEqualTo("\"input was null\"");
        }

        @Test
        void requestStreamHandler() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.StreamEcho.class), "raw bytes")).isEqualTo("stream:raw bytes|req-1");
        }

        @Test
        void streamInterfaceIsCheckedFirst() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.Both.class), "\"x\"")).isEqualTo("as stream");
        }

        @Test
        void typesBoundThroughAGenericSuperclass() throws Throwable {
            assertThat(invoke(load(GenericFixtures.MapHandler.class), "{\"a\":1}")).isEqualTo("\"LinkedHashMap:{a=1}\"");
        }

        @Test
        void typesBoundThroughThreeLevels() throws Throwable {
            assertThat(invoke(load(GenericFixtures.Level3.class), "{\"b\":2,\"a\":1}")).isEqualTo("[1,2]");
        }

        @Test
        void typesBoundThroughAnInterface() throws Throwable {
            assertThat(invoke(load(GenericFixtures.FlippedHandler.class), "41")).isEqualTo("\"int 42\"");
        }

        @Test
        void rawRequestHandlerReadsAndWritesObjects() throws Throwable {
            assertThat(invoke(load(GenericFixtures.RawHandler.class), "{\"a\":1}")).isEqualTo("\"LinkedHashMap\"");
        }

        @Test
        void boundedVariableReadsItsBound() throws Throwable {
            assertThat(invoke(load(GenericFixtures.Bounded.class), "7")).isEqualTo("\"Integer\"");
        }

        @Test
        void arrayInput() throws Throwable {
            assertThat(invoke(load(GenericFixtures.StringArrayHandler.class), "[\"a\",\"b\",\"c\"]")).isEqualTo("3");
        }
    }

    @Nested
    class Shapes {

        @Test
        void inOutContext() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.InOutContext.class, "handle"), "abc")).isEqualTo("abc|req-1");
        }

        @Test
        void inOut() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.InOut.class, "handle"), "abc")).isEqualTo("copy:abc");
        }

        @Test
        void outContext() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.OutContext.class, "handle"), "ignored")).isEqualTo("out|req-1");
        }

        @Test
        void inContextAnswersNullAndIgnoresItsResult() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.InContext.class, "handle"), "abc")).isEqualTo("null");
            assertThat(ShapeFixtures.received).isEqualTo("abc|req-1");
        }

        @Test
        void inAnswersNull() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.In.class, "handle"), "abc")).isEqualTo("null");
            assertThat(ShapeFixtures.received).isEqualTo("abc");
        }

        @Test
        void out() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.Out.class, "handle"), "ignored")).isEqualTo("out-only");
        }

        @Test
        void contextOnlyIgnoresTheEvent() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.ContextOnly.class, "handle"), "not json")).isEqualTo("\"ctx:req-1\"");
        }

        @Test
        void eventAndContext() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.EventContext.class, "handle"), "{\"id\":\"o\",\"qty\":3}"))
                    .isEqualTo("\"ox3|req-1\"");
        }

        @Test
        void eventWithAPrimitiveResult() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.Event.class, "handle"), "{\"a\":1,\"b\":2}")).isEqualTo("3");
        }

        @Test
        void noArgumentsStaticWithAGenericResult() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.NoArguments.class, "handle"), "not json")).isEqualTo("[\"a\",\"b\"]");
        }

        @Test
        void voidResultIsJsonNull() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.VoidResult.class, "handle"), "\"x\"")).isEqualTo("null");
            assertThat(ShapeFixtures.received).isEqualTo("x");
        }

        @Test
        void boxedVoidResultIsJsonNull() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.BoxedVoidResult.class, "handle"), "\"y\"")).isEqualTo("null");
            assertThat(ShapeFixtures.received).isEqualTo("y");
        }

        @Test
        void primitiveEvent() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.PrimitiveEvent.class, "handle"), "41")).isEqualTo("\"n=42\"");
        }

        @Test
        void primitiveEventFromJsonNullIsItsDefault() throws Throwable {
            // No NullPointerException from unboxing inside the runtime.
            FunctionHandler handler = load(ShapeFixtures.PrimitiveEvent.class, "handle");
            assertThat(invoke(handler, "null")).isEqualTo("\"n=1\"");
        }

        @Test
        void requestHandlerMethodByName() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.Echo.class, "handleRequest"), "\"hi\"")).isEqualTo("\"hi@req-1\"");
        }

        @Test
        void methodDeclaredInAGenericSuperclass() throws Throwable {
            assertThat(invoke(load(GenericFixtures.OrderMethods.class, "handle"), "{\"id\":\"o\",\"qty\":2}"))
                    .isEqualTo("\"Order ox2\"");
        }

        @Test
        void methodDeclaredTwoLevelsUp() throws Throwable {
            assertThat(invoke(load(GenericFixtures.MapMethods.class, "handle"), "{\"a\":41}"))
                    .isEqualTo("\"LinkedHashMap 42\"");
        }

        @Test
        void genericResultTypedByTheSubclass() throws Throwable {
            assertThat(invoke(load(GenericFixtures.OrderLists.class, "twice"), "{\"id\":\"o\",\"qty\":1}"))
                    .isEqualTo("[{\"id\":\"o\",\"qty\":1},{\"id\":\"o\",\"qty\":1}]");
        }

        @Test
        void methodOfAPackagePrivateGenericBaseClass() throws Throwable {
            // Reached through the compiler's public visibility bridge, which has no generic signature of its own.
            assertThat(invoke(load(PublicOfPackageBase.class, "handle"), "{\"id\":\"o\",\"qty\":5}"))
                    .isEqualTo("\"Order ox5\"");
            assertThat(invoke(load(PublicOfPackageBase.class, "plain"), "\"p\"")).isEqualTo("\"plain p\"");
        }

        @Test
        void genericMethod() throws Throwable {
            assertThat(invoke(load(GenericFixtures.GenericMethod.class, "echo"), "[1,\"a\"]")).isEqualTo("[1,\"a\"]");
        }
    }

    @Nested
    class Instances {

        @Test
        void staticMethodNeedsNoInstance() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.StaticOnly.class, "handle"), "\"x\"")).isEqualTo("\"static:x\"");
        }

        @Test
        void inheritedStaticMethod() throws Throwable {
            assertThat(invoke(load(ShapeFixtures.StaticSub.class, "greet"), "\"bob\"")).isEqualTo("\"hello bob\"");
        }

        @Test
        void oneInstancePerLoadNotPerInvocation() throws Throwable {
            int before = ShapeFixtures.Counted.CREATED.get();
            FunctionHandler handler = load(ShapeFixtures.Counted.class, "handle");
            invoke(handler, "\"a\"");
            invoke(handler, "\"b\"");
            assertThat(ShapeFixtures.Counted.CREATED.get()).isEqualTo(before + 1);
        }

        @Test
        void oneHandlerServesConcurrentLoops() throws Exception {
            FunctionHandler handler = load(GenericFixtures.OrderMethods.class, "handle");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String event = "{\"id\":\"o" + i + "\",\"qty\":" + i + "}";
                    results.add(pool.submit((Callable<String>) () -> {
                        try {
                            return invoke(handler, event);
                        } catch (Throwable t) {
                            throw new AssertionError(t);
                        }
                    }));
                }
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i).get()).isEqualTo("\"Order o" + i + "x" + i + "\"");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Overloads {

        @Test
        void allTenShapesPicksInOutContext() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.AllTen.class, "handle"), "x")).isEqualTo("in,out,context");
        }

        @Test
        void trailingContextBonusBeatsInOut() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.EventContextBeatsInOut.class, "handle"), "\"x\""))
                    .isEqualTo("\"event,context\"");
        }

        @Test
        void contextBeatsEvent() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.ContextBeatsEvent.class, "handle"), "\"x\""))
                    .isEqualTo("\"context\"");
        }

        @Test
        void tieOfWeightTwoGoesToTheEarlierShape() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.TieInOutAndContext.class, "handle"), "x")).isEqualTo("in,out");
        }

        @Test
        void tieOfWeightOneGoesToTheEarlierShape() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.TieInAndEvent.class, "handle"), "x")).isEqualTo("null");
            assertThat(ShapeFixtures.received).isEqualTo("in");
        }

        @Test
        void tieOfWeightThreeGoesToTheEarliestShape() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.TieOfThree.class, "handle"), "x")).isEqualTo("out,context");
        }

        @Test
        void heavierOverloadsWithoutAShapeAreSkipped() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.SkipsUnsupported.class, "handle"), "\"x\"")).isEqualTo("\"event\"");
        }

        @Test
        void weightDecidesBetweenStaticAndInstance() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.StaticAndInstance.class, "handle"), "\"x\""))
                    .isEqualTo("\"instance event,context\"");
        }

        @Test
        void inheritedOverloadsCompete() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.InheritedSub.class, "handle"), "\"x\""))
                    .isEqualTo("\"base event,context\"");
        }

        @Test
        void bridgeLosesToTheTypedMethod() throws Throwable {
            // Through the bridge, the event would be read as a Map and the cast to Order would fail.
            assertThat(invoke(load(OverloadFixtures.Bridged.class, "handleRequest"), "{\"id\":\"a\",\"qty\":4}"))
                    .isEqualTo("8");
        }

        @Test
        void covariantOverrideRuns() throws Throwable {
            assertThat(invoke(load(OverloadFixtures.CovariantSub.class, "handle"), "\"x\"")).isEqualTo("\"sub x\"");
        }
    }
}
