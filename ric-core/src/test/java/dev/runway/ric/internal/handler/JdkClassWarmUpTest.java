package dev.runway.ric.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JdkClassWarmUpTest {

    @Test
    void startsAtMostOneDaemonThreadPerProcessAndItEnds() throws InterruptedException {
        // Other tests of this JVM may have loaded a JSON handler already, which starts it: then this call is the second.
        Thread thread = JdkClassWarmUp.start();
        if (thread != null) {
            assertEquals("runway-class-warm-up", thread.getName());
            assertTrue(thread.isDaemon(), "must never keep a finished runtime alive");
            thread.join(TimeUnit.SECONDS.toMillis(30)); // a watchdog, not a timing assertion
            assertFalse(thread.isAlive(), "the warm-up thread did not end");
        }
        assertNull(JdkClassWarmUp.start(), "started twice");
    }
}
