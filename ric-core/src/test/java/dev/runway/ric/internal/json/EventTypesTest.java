package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.read;
import static dev.runway.ric.internal.json.Json.tree;
import static dev.runway.ric.internal.json.Json.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which types get the event mapper, recognised by name. */
class EventTypesTest {

    static <T extends Comparable<T>> Type selfBounded() {
        return new TypeReference<List<T>>() {}.getType();
    }

    @Test
    void recognisesEventClassesAndTypesBuiltFromThem() {
        assertThat(EventTypes.involves(SQSEvent.class)).isTrue();
        assertThat(EventTypes.involves(SQSEvent.SQSMessage.class)).isTrue();
        assertThat(EventTypes.involves(AttributeValue.class)).isTrue();
        assertThat(EventTypes.involves(SQSEvent[].class)).isTrue();
        assertThat(EventTypes.involves(new TypeReference<List<SQSEvent>>() {}.getType())).isTrue();
        assertThat(EventTypes.involves(new TypeReference<Map<String, ? extends SQSEvent>>() {}.getType())).isTrue();
        assertThat(EventTypes.isEventClass("com.amazonaws.services.s3.event.S3EventNotification")).isTrue();
    }

    @Test
    void leavesOtherTypesToTheOrdinaryMapper() {
        assertThat(EventTypes.involves(Pojos.Order.class)).isFalse();
        assertThat(EventTypes.involves(new TypeReference<Map<String, Object>>() {}.getType())).isFalse();
        assertThat(EventTypes.involves(int.class)).isFalse();
        assertThat(EventTypes.involves(selfBounded())).isFalse();
    }

    @Test
    void givesAListOfEventsTheEventNames() {
        Type messages = new TypeReference<List<SQSEvent>>() {}.getType();

        Object events = read(messages, "[{\"Records\": [{\"eventSourceARN\": \"arn\"}]}]");

        assertThat(tree(write(messages, events))).isEqualTo(tree("[{\"Records\": [{\"eventSourceARN\": \"arn\"}]}]"));
    }

    @Test
    void readsADynamoDbImageOnItsOwn() {
        // The managed runtime only adapts AttributeValue inside a DynamodbEvent; here the names hold everywhere.
        Type image = new TypeReference<Map<String, AttributeValue>>() {}.getType();

        @SuppressWarnings("unchecked")
        Map<String, AttributeValue> values = (Map<String, AttributeValue>) read(image, "{\"id\": {\"N\": \"7\"}}");

        assertThat(values.get("id").getN()).isEqualTo("7");
    }
}
