package dev.runway.bootstrap.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.extensions.ShutdownCallbacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ShutdownBudgetTest {

    @Test
    void theBudgetStaysUnderLambdasSigkillAndCanBeSet() {
        assertThat(ShutdownBudget.budgetMs(Map.of(), false)).isEqualTo(250).isLessThan(300);
        assertThat(ShutdownBudget.budgetMs(Map.of(), true)).isEqualTo(450).isLessThan(500);
        assertThat(ShutdownBudget.budgetMs(Map.of("RUNWAY_SHUTDOWN_BUDGET_MS", "100"), true)).isEqualTo(100);
        assertThat(ShutdownBudget.budgetMs(Map.of("RUNWAY_SHUTDOWN_BUDGET_MS", "soon"), false)).isEqualTo(250);
    }

    @Test
    void callbacksRunInOrderAndAFailingOneDoesNotStopTheOthers() {
        List<String> ran = new ArrayList<>();
        ShutdownCallbacks.register(() -> ran.add("first"));
        ShutdownCallbacks.register(() -> {
            throw new IllegalStateException("broken on purpose");
        });
        ShutdownCallbacks.register(() -> ran.add("third"));

        assertThat(ShutdownBudget.runWithin(10_000)).isTrue();

        assertThat(ran).containsExactly("first", "third");
    }

    @Test
    void aCallbackThatOverrunsTheBudgetIsAbandoned() {
        CountDownLatch never = new CountDownLatch(1);
        ShutdownCallbacks.register(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(ShutdownBudget.runWithin(50)).isFalse();
        never.countDown();
    }
}
