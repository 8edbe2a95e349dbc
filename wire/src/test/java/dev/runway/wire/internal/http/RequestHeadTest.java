package dev.runway.wire.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadTest {

    private static String text(RequestHead head) {
        return new String(head.toByteArray(), StandardCharsets.US_ASCII);
    }

    @Test
    void buildsTheRequestLineFieldsAndEmptyLine() {
        RequestHead head = new RequestHead().start("POST", "/a/b").field("Host", "h:1").field("X", "").end();
        assertThat(text(head)).isEqualTo("POST /a/b HTTP/1.1\r\nHost: h:1\r\nX: \r\n\r\n");
        assertThat(head.length()).isEqualTo(head.toByteArray().length);
    }

    @Test
    void aTargetMayComeInTwoParts() {
        assertThat(text(new RequestHead().start("GET", "/prefix/", "rest id").end()))
                .isEqualTo("GET /prefix/rest?id HTTP/1.1\r\n\r\n");
    }

    @Test
    void noValueOrTargetCanSplitTheHead() {
        RequestHead head = new RequestHead().start("GET", "/id\r\nX: 1 2").field("Type", "a\r\nInjected: yes\u00e9").end();
        assertThat(text(head)).isEqualTo("GET /id??X:?1?2 HTTP/1.1\r\nType: a??Injected: yes?\r\n\r\n");
    }

    @Test
    void aNameMustBeAToken() {
        assertThatThrownBy(() -> new RequestHead().start("GET", "/").field("Bad Name", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestHead().start("GET", "/").field("", "v"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsForLongValuesAndStartsOverForTheNextHead() {
        RequestHead head = new RequestHead();
        head.start("POST", "/x").field("Long", "v".repeat(5000)).end();
        assertThat(head.length()).isGreaterThan(5000);
        head.start("GET", "/y").end();
        assertThat(text(head)).isEqualTo("GET /y HTTP/1.1\r\n\r\n");
    }
}
