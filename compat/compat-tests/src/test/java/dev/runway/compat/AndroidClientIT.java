package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plain POJO handler invoked with and without an Android client context (the RIE passes
 * {@code X-Amz-Client-Context} on): the managed runtime answers an Android client in Gson's shape (fields, also
 * those without a getter; no getter-only properties) and everyone else in Jackson's. Runway must answer both as
 * the official RIC does.
 */
class AndroidClientIT {

    private static final String HANDLER = "dev.runway.compat.pojo.DeviceHandler::handleRequest";
    private static final String ANDROID = "{\"client\":{\"installation_id\":\"i-1\",\"app_title\":\"compat\"},"
            + "\"custom\":{},\"env\":{\"platform\":\"Android\",\"model\":\"Pixel\",\"locale\":\"en_US\"}}";
    private static final String IOS = ANDROID.replace("Android", "iPhoneOS");
    private static final String EVENT = "{\"device\":\"phone\",\"level\":21}";

    private static List<String> answers(Runtime runtime) {
        try (Emulator emulator = Emulator.start(runtime, Compat.taskRoot("pojo"), HANDLER, Map.of(), "pojo")) {
            List<String> bodies = new ArrayList<>();
            for (String clientContext : new String[] {null, ANDROID, IOS}) {
                HttpResponse<String> response = emulator.invoke(EVENT, clientContext);
                bodies.add(response.body());
            }
            return bodies;
        }
    }

    @Test
    void android_clients_get_gson_shape_as_on_the_official_ric() {
        List<String> runway = answers(Runtime.RUNWAY_LAYER);
        List<String> official = answers(Runtime.OFFICIAL_RIC);

        assertThat(runway).isEqualTo(official);
        assertThat(Json.parse(runway.get(0))).isEqualTo(Json.parse("{\"device\":\"phone\",\"summary\":\"phone at 42\"}"));
        assertThat(runway.get(1)).isEqualTo("{\"device\":\"phone\",\"doubled\":42}");
        assertThat(runway.get(2)).isEqualTo(runway.get(0));
    }
}
