package org.integramonitor.function;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The runtime client's own (de)serialisation of events and responses, with one difference: when an event
 * cannot be read, the error says which type and which kind of failure, not what the event contained. The
 * runtime client would otherwise log Jackson's message, which quotes the offending value (a client address,
 * a body), into CloudWatch Logs. Lambda's runtime client finds this class through
 * {@code META-INF/services/com.amazonaws.services.lambda.runtime.CustomPojoSerializer}; the serialisers it
 * delegates to are the ones the runtime itself uses ({@code aws-lambda-java-serialization}, supplied by the
 * runtime, hence a provided dependency).
 */
public final class QuietEventSerializer implements CustomPojoSerializer {

    private final Map<Type, PojoSerializer<Object>> serializers = new ConcurrentHashMap<>();

    /** Thrown instead of the parser's exception; deliberately without a cause, whose message quotes the event. */
    public static final class UnreadableEvent extends RuntimeException {
        UnreadableEvent(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public <T> T fromJson(InputStream input, Type type) {
        return read(type, serializer -> serializer.fromJson(input));
    }

    @Override
    public <T> T fromJson(String input, Type type) {
        return read(type, serializer -> serializer.fromJson(input));
    }

    private <T> T read(Type type, Function<PojoSerializer<Object>, Object> reader) {
        try {
            return cast(reader.apply(serializer(type)));
        } catch (RuntimeException failure) {
            throw unreadable(type, failure);
        }
    }

    @Override
    public <T> void toJson(T value, OutputStream output, Type type) {
        serializer(type).toJson(value, output);
    }

    /** As the runtime client chooses: the event-aware serialiser for Lambda's event types, Jackson otherwise. */
    private PojoSerializer<Object> serializer(Type type) {
        return serializers.computeIfAbsent(type, key -> {
            if (key instanceof Class<?> clazz && LambdaEventSerializers.isLambdaSupportedEvent(clazz.getName())) {
                @SuppressWarnings("unchecked")
                Class<Object> eventClass = (Class<Object>) clazz;
                return LambdaEventSerializers.serializerFor(eventClass, Thread.currentThread().getContextClassLoader());
            }
            return JacksonFactory.getInstance().getSerializer(key);
        });
    }

    private static UnreadableEvent unreadable(Type type, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String typeName = type instanceof Class<?> clazz ? clazz.getSimpleName() : type.getTypeName();
        return new UnreadableEvent("the event could not be read as " + typeName + " ("
                + root.getClass().getSimpleName() + ")");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
