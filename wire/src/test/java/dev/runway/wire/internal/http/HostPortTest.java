package dev.runway.wire.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPortTest {

    private static final String VAR = "AWS_LAMBDA_RUNTIME_API";

    @Test
    void readsNamesIpv4AndBracketedIpv6() {
        assertThat(HostPort.parse("127.0.0.1:9001", VAR)).isEqualTo(new HostPort("127.0.0.1", 9001));
        assertThat(HostPort.parse("localhost:1", VAR)).isEqualTo(new HostPort("localhost", 1));
        assertThat(HostPort.parse(" sandbox.localdomain:65535 ", VAR)).isEqualTo(new HostPort("sandbox.localdomain", 65535));
        HostPort v6 = HostPort.parse("[::1]:9001", VAR);
        assertThat(v6).isEqualTo(new HostPort("::1", 9001));
        assertThat(v6.resolve().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(v6.resolve().getPort()).isEqualTo(9001);
    }

    @Test
    void writesTheHostFieldFormBack() {
        assertThat(HostPort.parse("[fe80::1]:80", VAR)).hasToString("[fe80::1]:80");
        assertThat(HostPort.parse("127.0.0.1:9001", VAR)).hasToString("127.0.0.1:9001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "localhost:", ":9001", "localhost:0", "localhost:65536", "localhost:-1",
            "localhost:9x", "localhost:+90", "localhost:000009001", "::1:9001", "[::1:9001", "[]:9001", "[::1]x:9001"})
    void refusesWhatIsNotHostPort(String value) {
        assertThatThrownBy(() -> HostPort.parse(value, VAR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(VAR);
    }

    @Test
    void saysWhenTheValueIsMissing() {
        assertThatThrownBy(() -> HostPort.parse(null, VAR)).hasMessage(VAR + " is not set");
    }
}
