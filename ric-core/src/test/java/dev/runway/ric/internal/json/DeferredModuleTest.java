package dev.runway.ric.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.TypeModifier;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The stand-in for the {@code java.time} and {@code Optional} modules: lazy, and indistinguishable once built. */
class DeferredModuleTest {

    private final DeferredModule javaTime = DeferredModule.javaTime();
    private final DeferredModule jdk8 = DeferredModule.jdk8();
    private final ObjectMapper deferred = LenientMapper.settings().addModule(javaTime).addModule(jdk8).build();
    private final ObjectMapper eager = LenientMapper.settings()
            .addModule(new JavaTimeModule()).addModule(new Jdk8Module()).build();

    @Test
    void buildsNothingForTypesThatDoNotNeedIt() throws Exception {
        Pojos.Order order = deferred.readValue("{\"id\": \"o\", \"tags\": [\"a\"], \"counts\": {\"k\": 1}}", Pojos.Order.class);
        deferred.writeValueAsString(order);

        assertThat(javaTime.isBuilt()).isFalse();
        assertThat(jdk8.isBuilt()).isFalse();
    }

    @Test
    void untypedValuesBuildTheOptionalModuleButNotTheTimeOne() throws Exception {
        // Writing an Integer held as Object makes Jackson look at Integer's methods, and describeConstable()
        // returns an Optional: the Optional module is built (5 ms) although no Optional is written. Correct,
        // merely early; java.time, the expensive one, is only built by a java.time value.
        deferred.writeValueAsString(Map.of("k", List.of(1, "two", 3.0)));

        assertThat(javaTime.isBuilt()).isFalse();
    }

    @Test
    void buildsEachModuleOnItsFirstType() throws Exception {
        deferred.readValue("\"2024-03-14T10:15:30Z\"", Instant.class);
        assertThat(javaTime.isBuilt()).isTrue();
        assertThat(jdk8.isBuilt()).isFalse();

        deferred.writeValueAsString(Optional.of(1));
        assertThat(jdk8.isBuilt()).isTrue();
    }

    static List<Object[]> values() {
        Pojos.Times times = new Pojos.Times();
        times.setInstant(Instant.parse("2024-03-14T10:15:30.123456789Z"));
        times.setDate(LocalDate.of(2024, 3, 14));
        times.setDuration(Duration.ofMillis(90_500));
        times.setMaybe(Optional.of("x"));
        times.setNothing(Optional.empty());
        times.setByDay(Map.of(LocalDate.of(2024, 1, 1), "new year"));
        return List.of(
                new Object[] {Pojos.Times.class, times},
                new Object[] {new TypeReference<Map<LocalDate, Optional<Duration>>>() {}.getType(),
                        Map.of(LocalDate.of(2024, 1, 1), Optional.of(Duration.ofSeconds(3)))},
                new Object[] {new TypeReference<List<Optional<String>>>() {}.getType(),
                        List.of(Optional.of("a"), Optional.empty())},
                new Object[] {OptionalInt.class, OptionalInt.of(7)},
                new Object[] {Month.class, Month.MARCH},
                new Object[] {ZoneId.class, ZoneId.of("Europe/Lisbon")},
                new Object[] {Object.class, List.of(Instant.EPOCH, Optional.of(1))});
    }

    @ParameterizedTest
    @MethodSource("values")
    void writesAndReadsExactlyAsTheEagerModules(Type type, Object value) throws Exception {
        String json = eager.writerFor(eager.constructType(type)).writeValueAsString(value);

        assertThat(deferred.writerFor(deferred.constructType(type)).writeValueAsString(value)).isEqualTo(json);
        Object read = deferred.readerFor(deferred.constructType(type)).readValue(json);
        assertThat(read).usingRecursiveComparison()
                .isEqualTo(eager.readerFor(eager.constructType(type)).readValue(json));
    }

    @Test
    void buildsTheModuleOnceUnderConcurrentFirstUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> reads = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                reads.add(() -> deferred.readValue("{\"instant\": \"2024-03-14T10:15:30Z\", \"maybe\": \"m\"}",
                        Pojos.Times.class));
            }
            for (Future<Object> read : pool.invokeAll(reads)) {
                assertThat(((Pojos.Times) read.get()).getInstant()).isEqualTo(Instant.parse("2024-03-14T10:15:30Z"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Guards Jackson upgrades: a new overridable method on a component type would bypass the stand-in. */
    @Test
    void forwardsEveryMethodOfTheComponentsItStandsFor() {
        assertForwardsAll(DeferredParts.SerializerLookup.class, Serializers.class);
        assertForwardsAll(DeferredParts.DeserializerLookup.class, Deserializers.class);
        assertForwardsAll(DeferredParts.KeyDeserializerLookup.class, KeyDeserializers.class);
        assertForwardsAll(DeferredParts.InstantiatorLookup.class, ValueInstantiators.class);
        assertForwardsAll(DeferredParts.TypeHook.class, TypeModifier.class);
        assertForwardsAll(DeferredParts.SerializerHooks.class, BeanSerializerModifier.class);
        assertForwardsAll(DeferredParts.DeserializerHooks.class, BeanDeserializerModifier.class);
    }

    @Test
    void refusesAModuleThatNeedsMoreThanItCanRecord() {
        SimpleModule needsMixIns = new SimpleModule("needs-mixins") {
            @Override
            public void setupModule(SetupContext context) {
                context.setMixInAnnotations(Instant.class, Object.class);
            }
        };
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new DeferredModule("x", () -> needsMixIns, t -> t == Instant.class, t -> false)).build();

        assertThatThrownBy(() -> mapper.writeValueAsString(Instant.EPOCH))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("setMixInAnnotations");
    }

    private static void assertForwardsAll(Class<?> forwarder, Class<?> component) {
        for (Method method : component.getMethods()) {
            if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                    || Modifier.isFinal(method.getModifiers())) {
                continue;
            }
            assertThat(declares(forwarder, method))
                    .as("%s forwards %s", forwarder.getSimpleName(), method)
                    .isTrue();
        }
    }

    private static boolean declares(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
