package dev.runway.ric.internal.handler;

import static dev.runway.ric.internal.handler.Invocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.ric.internal.handler.fixtures.ContextLoaderFixtures;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * The function's loader is the context class loader while its static initializers and constructor run. The
 * invocation loops set it on their own threads (FunctionRuntime); a handler sees whatever its thread has.
 */
class ContextClassLoaderTest {

    @Test
    void functionLoaderIsTheContextLoaderDuringInitAndThePreviousOneComesBack() throws Throwable {
        ClassLoader testLoader = ContextClassLoaderTest.class.getClassLoader();
        // A distinct loader that delegates to the test loader, standing in for the function's loader.
        try (URLClassLoader functionLoader = new URLClassLoader(new URL[0], testLoader)) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            assertThat(before).isNotSameAs(functionLoader);

            FunctionHandler handler =
                    HandlerLoader.load(ContextLoaderFixtures.Recorder.class.getName(), functionLoader);

            assertThat(ContextLoaderFixtures.Recorder.inStaticInit).isSameAs(functionLoader);
            assertThat(ContextLoaderFixtures.Recorder.inConstructor).isSameAs(functionLoader);
            assertThat(thread.getContextClassLoader()).isSameAs(before);

            thread.setContextClassLoader(functionLoader);
            try {
                invoke(handler, "\"x\"");
            } finally {
                thread.setContextClassLoader(before);
            }
            assertThat(ContextLoaderFixtures.Recorder.inInvocation).isSameAs(functionLoader);
        }
    }

    @Test
    void aContextLoaderTheFunctionChoseDuringInitStays() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try {
            HandlerLoader.load(ContextLoaderFixtures.Changer.class.getName(), ContextClassLoaderTest.class.getClassLoader());
            assertThat(thread.getContextClassLoader()).isSameAs(ContextLoaderFixtures.Changer.CHOSEN);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Test
    void thePreviousLoaderComesBackWhenLoadingFails() {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader functionLoader = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            org.assertj.core.api.Assertions.assertThatExceptionOfType(HandlerLoadException.class)
                    .isThrownBy(() -> HandlerLoader.load("no.such.Handler", functionLoader));
            assertThat(thread.getContextClassLoader()).isSameAs(before);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
