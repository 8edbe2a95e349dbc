package dev.runway.bootstrap.local.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.bootstrap.local.internal.sandbox.Generation.Phase;
import org.junit.jupiter.api.Test;

/** The environment's phase: forward one step at a time, or to shutdown from anywhere, and nothing else. */
class GenerationTest {

    @Test
    void anEnvironmentGoesThroughItsPhasesInOrder() {
        Generation g = new Generation(1);
        assertThat(g.phase()).isEqualTo(Phase.INITIALIZING);
        assertThat(g.initializing()).isTrue();

        g.moveTo(Phase.RUNTIME_READY);
        assertThat(g.initializing()).isTrue();
        assertThat(g.allReady()).as("no extension: ready once the runtime is").isTrue();

        g.initDone();
        assertThat(g.phase()).isEqualTo(Phase.RUNNING);
        assertThat(g.serving()).isTrue();
        assertThat(g.initializing()).isFalse();

        g.moveTo(Phase.SHUTTING_DOWN);
        assertThat(g.serving()).isFalse();
    }

    @Test
    void everyOtherMoveIsRefused() {
        for (Phase from : Phase.values()) {
            for (Phase to : Phase.values()) {
                boolean allowed = to == Phase.SHUTTING_DOWN ? from != Phase.SHUTTING_DOWN : to.ordinal() == from.ordinal() + 1;
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
            }
        }
        Generation initializing = new Generation(2);
        assertThatThrownBy(initializing::initDone).isInstanceOf(IllegalStateException.class)
                .hasMessage("environment 2 cannot move from INITIALIZING to RUNNING");
        Generation shutDown = new Generation(3);
        shutDown.moveTo(Phase.SHUTTING_DOWN);
        assertThatThrownBy(() -> shutDown.moveTo(Phase.RUNTIME_READY)).isInstanceOf(IllegalStateException.class);
        assertThat(shutDown.allReady()).as("a shut-down environment is never ready").isFalse();
    }

    @Test
    void aFailedEnvironmentServesNothingAndInitDurationIsReportedOnce() {
        Generation g = new Generation(4);
        g.moveTo(Phase.RUNTIME_READY);
        g.initDone();
        assertThat(g.initDurationForReport()).isGreaterThanOrEqualTo(0);
        assertThat(g.initDurationForReport()).isEqualTo(-1);
        g.failed.complete(new Generation.Failure("Runtime.ExitError", "exit status 1"));
        assertThat(g.serving()).isFalse();
    }
}
