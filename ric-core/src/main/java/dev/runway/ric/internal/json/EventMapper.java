package dev.runway.ric.internal.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotationIntrospectorPair;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Date;

/**
 * The mapper of the {@code aws-lambda-java-events} types: the {@linkplain LenientMapper lenient settings} plus
 * what the managed runtime adds for its supported events, done by class name instead of mix-ins:
 *
 * <ul>
 *   <li>JSON names that differ from the bean names ({@code Records}, {@code eventSourceARN}, SNS's
 *       PascalCase, DynamoDB's {@code NewImage} and {@code S}/{@code N}/..., {@code detail-type}, S3's
 *       {@code x-amz-id-2}...): {@link EventIntrospector};
 *   <li>{@code java.util.Date} as epoch seconds with a fraction (Kinesis {@code approximateArrivalTimestamp},
 *       DynamoDB {@code ApproximateCreationDateTime}): {@link EpochSecondsDates};
 *   <li>Joda {@code DateTime} as ISO-8601 text, with the function's own Joda: {@link JodaDateTimes};
 *   <li>the S3 notification classes, which have no setters: {@link S3EventDeserializer}.
 * </ul>
 *
 * <p>As in the managed runtime, these apply to everything this mapper writes, so a {@code Date} put in a
 * {@code ScheduledEvent}'s {@code detail} map is written in seconds too. Unlike it, the names hold wherever an
 * event class appears (a {@code List<SQSEvent>}, a DynamoDB {@code AttributeValue} map on its own), not only
 * under the top-level event its mix-ins were registered for, and Joda {@code DateTime} works in every event
 * class, supported or not.
 *
 * <p>Built on the first event type a handler uses; functions that use none never load any of this.
 */
final class EventMapper {

    private EventMapper() {}

    static ObjectMapper shared() {
        return Holder.MAPPER;
    }

    private static ObjectMapper build() {
        SimpleModule events = new SimpleModule("runway-events")
                .addSerializer(Date.class, new EpochSecondsDates.Serializer())
                .addDeserializer(Date.class, new EpochSecondsDates.Deserializer());
        return LenientMapper.builder()
                .annotationIntrospector(
                        new AnnotationIntrospectorPair(new EventIntrospector(), LenientMapper.functionAnnotations()))
                .addModule(events)
                .addModule(new JodaDateTimes.Module())
                .build();
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = build();
    }
}
