package dev.runway.ric.internal.json;

import java.util.List;

/**
 * The function ships more than one {@code com.amazonaws.services.lambda.runtime.CustomPojoSerializer}
 * provider in {@code META-INF/services}, so the runtime cannot tell which one should own its JSON. Thrown
 * during init, like the managed runtime's {@code TooManyServiceProvidersFoundException}.
 */
public final class TooManyCustomSerializersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param providers the class names of the providers found
     */
    public TooManyCustomSerializersException(List<String> providers) {
        super("Expected at most one com.amazonaws.services.lambda.runtime.CustomPojoSerializer provider, found "
                + providers.size() + ": " + String.join(", ", providers));
    }
}
