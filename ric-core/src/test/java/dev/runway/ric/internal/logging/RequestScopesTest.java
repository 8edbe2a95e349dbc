package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestScopesTest {

    @Test
    void theHandlersThreadBelongsToItsInvocationUntilItEnds() {
        RequestScopes scopes = new RequestScopes(false);
        assertThat(scopes.current()).isNull();
        RequestScope scope = scopes.open("req-1", null);
        assertThat(scopes.current().requestId()).isEqualTo("req-1");
        scopes.close(scope);
        assertThat(scopes.current()).isNull();
    }

    @Test
    void aThreadStartedDuringAnInvocationNamesItOnlyWhileItRuns() throws Exception {
        RequestScopes scopes = new RequestScopes(false);
        RequestScope scope = scopes.open("req-1", null);
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> during = new AtomicReference<>();
        CompletableFuture<RequestScope> after = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            during.set(scopes.current().requestId());
            try {
                ended.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            after.complete(scopes.current());
        });
        worker.start();
        while (during.get() == null) {
            Thread.onSpinWait();
        }
        scopes.close(scope);
        RequestScope next = scopes.open("req-2", null);
        ended.countDown();
        assertThat(during.get()).isEqualTo("req-1");
        assertThat(after.get()).as("neither the ended request nor the next one").isNull();
        scopes.close(next);
    }

    @Test
    void underMultiConcurrencyOnlyTheHandlersOwnThreadNamesTheRequest() throws Exception {
        RequestScopes scopes = new RequestScopes(true);
        RequestScope scope = scopes.open("req-1", null);
        CompletableFuture<RequestScope> seen = new CompletableFuture<>();
        Thread worker = new Thread(() -> seen.complete(scopes.current()));
        worker.start();
        assertThat(seen.get()).isNull();
        assertThat(scopes.current().requestId()).isEqualTo("req-1");
        scopes.close(scope);
    }
}
