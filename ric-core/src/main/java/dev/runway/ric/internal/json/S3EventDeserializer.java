package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.EventTypes.EVENTS;
import static dev.runway.ric.internal.json.EventTypes.SDK_V1_S3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the S3 notification classes ({@code S3Event}, {@code S3EventNotification} and its nested entities,
 * from the events library or from the AWS SDK 1.x), which have no setters and no annotated constructors.
 *
 * <p>Each class is built through its public constructor from the JSON fields named in {@link #PARAMETERS},
 * the constructor's parameter types saying how to read each one. Missing values are filled the way the
 * managed runtime's hand-written org.json reader fills them, because functions rely on it: a missing string
 * is {@code ""} (an unversioned object's {@code versionId}, a delete's {@code eTag}), a missing number is
 * {@code 0} (a delete's {@code size}), a missing object is an entity built from no fields.
 */
final class S3EventDeserializer extends StdDeserializer<Object> {

    private static final long serialVersionUID = 1L;

    /** JSON field of each constructor parameter, by class name suffix under a notification class. */
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "", List.of("Records"),
            "$S3EventNotificationRecord", List.of("awsRegion", "eventName", "eventSource", "eventTime",
                    "eventVersion", "requestParameters", "responseElements", "s3", "userIdentity"),
            "$S3Entity", List.of("configurationId", "bucket", "object", "s3SchemaVersion"),
            "$S3BucketEntity", List.of("name", "ownerIdentity", "arn"),
            "$S3ObjectEntity", List.of("key", "size", "eTag", "versionId", "sequencer"),
            "$UserIdentityEntity", List.of("principalId"),
            "$RequestParametersEntity", List.of("sourceIPAddress"),
            "$ResponseElementsEntity", List.of("x-amz-id-2", "x-amz-request-id"));

    private static final String[] NOTIFICATIONS = {EVENTS + "models.s3.S3EventNotification", SDK_V1_S3};

    /** The constructor used for each class, found once. */
    private static final ClassValue<Creator> CREATORS = new ClassValue<>() {
        @Override
        protected Creator computeValue(Class<?> type) {
            return Creator.of(type, parametersOf(type.getName()));
        }
    };

    S3EventDeserializer(Class<?> type) {
        super(type);
    }

    /** Whether {@code type} is one of the S3 notification classes. */
    static boolean handles(Class<?> type) {
        return parametersOf(type.getName()) != null;
    }

    private static List<String> parametersOf(String className) {
        if (className.equals(EVENTS + "S3Event")) {
            return PARAMETERS.get("");
        }
        for (String notification : NOTIFICATIONS) {
            if (className.startsWith(notification)) {
                return PARAMETERS.get(className.substring(notification.length()));
            }
        }
        return null;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode tree = ctxt.readTree(p);
        if (!tree.isObject()) {
            return ctxt.reportInputMismatch(this, "Expected a JSON object for %s, got %s",
                    handledType().getName(), tree.getNodeType());
        }
        return build(handledType(), tree, ctxt);
    }

    private Object build(Class<?> type, JsonNode object, DeserializationContext ctxt) throws IOException {
        Creator creator = CREATORS.get(type);
        if (creator == null) {
            return ctxt.reportBadDefinition(type, "No usable public constructor for " + type.getName());
        }
        Constructor<?> constructor = creator.constructor();
        Class<?>[] types = constructor.getParameterTypes();
        Type[] generics = constructor.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = value(types[i], generics[i], object.get(creator.fields().get(i)), ctxt);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            // The record's constructor parses eventTime itself, and rejects what Joda cannot read.
            throw JsonMappingException.from(ctxt, "Cannot build " + type.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw ctxt.instantiationException(type, e);
        }
    }

    /** One argument, read with the org.json {@code opt*} semantics the managed runtime has. */
    private Object value(Class<?> type, Type generic, JsonNode node, DeserializationContext ctxt) throws IOException {
        if (type == String.class) {
            return node == null || node.isNull() ? "" : node.isValueNode() ? node.asText() : node.toString();
        }
        if (type == Long.class || type == long.class) {
            return node == null ? 0L : node.asLong(0L);
        }
        if (type == Integer.class || type == int.class) {
            return node == null ? 0 : node.asInt(0);
        }
        if (List.class.isAssignableFrom(type)) {
            List<Object> items = new ArrayList<>();
            if (node != null && node.isArray()) {
                Class<?> element = elementClass(generic);
                for (JsonNode item : node) {
                    if (!item.isObject()) {
                        return ctxt.reportInputMismatch(element, "Expected a JSON object in Records, got %s",
                                item.getNodeType());
                    }
                    items.add(build(element, item, ctxt));
                }
            }
            return items;
        }
        return build(type, node != null && node.isObject() ? node : ctxt.getNodeFactory().objectNode(), ctxt);
    }

    private static Class<?> elementClass(Type listType) {
        if (listType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /**
     * The constructor that takes the listed fields in order. If there is none, one taking all but the last
     * field (the SDK 1.x {@code S3ObjectEntity} before {@code sequencer}); between equal candidates, the one
     * without {@code Integer} (the events library keeps an older {@code Integer size} constructor).
     */
    private record Creator(Constructor<?> constructor, List<String> fields) {

        static Creator of(Class<?> type, List<String> fields) {
            if (fields == null) {
                return null;
            }
            for (int count = fields.size(); count >= fields.size() - 1 && count >= 0; count--) {
                int wanted = count;
                Constructor<?> best = Arrays.stream(type.getConstructors())
                        .filter(c -> c.getParameterCount() == wanted)
                        .min(Comparator.comparing(c -> Arrays.asList(c.getParameterTypes()).contains(Integer.class)))
                        .orElse(null);
                if (best != null) {
                    return new Creator(best, fields.subList(0, count));
                }
            }
            return null;
        }
    }
}
