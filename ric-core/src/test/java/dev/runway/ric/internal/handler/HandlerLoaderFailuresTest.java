package dev.runway.ric.internal.handler;

import static dev.runway.ric.internal.handler.Invocations.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.ric.internal.handler.fixtures.FailureFixtures;
import dev.runway.ric.internal.handler.fixtures.GenericFixtures;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

/** Every way a handler string can fail to resolve: each is an init error, never deferred to an invocation. */
class HandlerLoaderFailuresTest {

    private static final ClassLoader LOADER = HandlerLoaderFailuresTest.class.getClassLoader();

    private static ThrowableAssertAlternative<HandlerLoadException> loadFails(String handler) {
        return org.assertj.core.api.Assertions.assertThatExceptionOfType(HandlerLoadException.class)
                .isThrownBy(() -> HandlerLoader.load(handler, LOADER));
    }

    private static String name(Class<?> type) {
        return type.getName();
    }

    @Test
    void invalidString() {
        loadFails("example.Handler::")
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException"))
                .withMessageStartingWith("Invalid handler: 'example.Handler::'");
    }

    @Test
    void missingHandler() {
        loadFails(null).withMessageContaining("No handler was given");
    }

    @Test
    void classNotFound() {
        loadFails("no.such.Handler")
                .satisfies(e -> {
                    assertThat(e.errorType()).isEqualTo("java.lang.ClassNotFoundException");
                    assertThat(e.getCause()).isNull();
                })
                .withMessage("Class not found: no.such.Handler");
    }

    @Test
    void classNotFoundWithAMethod() {
        loadFails("no.such.Handler::handle").withMessage("Class not found: no.such.Handler");
    }

    @Test
    void onlyTheLastSeparatorSplits() {
        loadFails(name(FailureFixtures.NotAHandler.class) + "::handle::handle")
                .withMessage("Class not found: " + name(FailureFixtures.NotAHandler.class) + "::handle");
    }

    @Test
    void notAHandlerClass() {
        loadFails(name(FailureFixtures.NotAHandler.class))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException"))
                .withMessageStartingWith("Class " + name(FailureFixtures.NotAHandler.class)
                        + " does not implement an appropriate handler interface");
    }

    @Test
    void noSuchMethod() {
        loadFails(name(FailureFixtures.NotAHandler.class) + "::nope")
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.NoSuchMethodException"))
                .withMessage("No public method named 'nope' found on class " + name(FailureFixtures.NotAHandler.class));
    }

    @Test
    void nonPublicMethodsDoNotCount() {
        loadFails(name(FailureFixtures.NoPublicMethod.class) + "::secret")
                .withMessageStartingWith("No public method named 'secret'");
    }

    @Test
    void noOverloadWithASupportedSignature() {
        loadFails(name(FailureFixtures.NoShape.class) + "::handle")
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.NoSuchMethodException"))
                .withMessageStartingWith("No public method named 'handle' with appropriate method signature found on"
                        + " class " + name(FailureFixtures.NoShape.class));
    }

    @Test
    void unboundTypeVariable() {
        loadFails(name(GenericFixtures.Unbound.class))
                .withMessageEndingWith("does not implement RequestHandler with concrete type parameters: parameter T"
                        + " has no upper bound");
    }

    @Test
    void noPublicNoArgumentConstructor() {
        loadFails(name(FailureFixtures.NeedsArgument.class))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.NoSuchMethodException"))
                .withMessage("Class " + name(FailureFixtures.NeedsArgument.class)
                        + " has no public zero-argument constructor");
    }

    @Test
    void instanceMethodWithoutConstructor() {
        loadFails(name(FailureFixtures.InstanceWithoutConstructor.class) + "::handle")
                .withMessage("Class " + name(FailureFixtures.InstanceWithoutConstructor.class)
                        + " has no public zero-argument constructor");
    }

    @Test
    void nonStaticInnerClass() {
        loadFails(name(FailureFixtures.Inner.class))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.NoSuchMethodException"))
                .withMessageStartingWith("Class " + name(FailureFixtures.Inner.class)
                        + " cannot be instantiated because it is a non-static inner class");
    }

    @Test
    void abstractClass() {
        loadFails(name(FailureFixtures.Abstract.class))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.InstantiationException"))
                .withMessage("Class " + name(FailureFixtures.Abstract.class) + " is abstract and cannot be instantiated");
    }

    @Test
    void nonPublicClass() {
        loadFails(FailureFixtures.class.getName() + "$Hidden")
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.IllegalAccessException"))
                .withMessageContaining("must be public");
    }

    @Test
    void staticMethodOfANonPublicClass() {
        loadFails(FailureFixtures.class.getName() + "$Hidden::handle")
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("java.lang.IllegalAccessException"))
                .withMessageContaining("must be public");
    }

    @Test
    void staticInitializerFailureLeavesAsItself() {
        assertThatThrownBy(() -> loadByName(FailureFixtures.StaticInitFails.class.getName()))
                .isInstanceOf(ExceptionInInitializerError.class)
                .cause().isSameAs(FailureFixtures.STATIC_INIT_FAILURE);
    }

    @Test
    void throwingConstructorLeavesAsItself() {
        assertThatThrownBy(() -> load(FailureFixtures.ConstructorThrows.class))
                .isSameAs(FailureFixtures.CONSTRUCTOR_FAILURE);
    }

    @Test
    void throwingConstructorOfAMethodHandlerLeavesAsItself() {
        assertThatThrownBy(() -> load(FailureFixtures.MethodConstructorThrows.class, "handle"))
                .isSameAs(FailureFixtures.RUNTIME);
    }

    private static FunctionHandler loadByName(String className) {
        return HandlerLoader.load(className, LOADER);
    }
}
