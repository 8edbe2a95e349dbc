package dev.runway.bench.function;

/** The POJO handler's output, a JavaBean like {@link GreetingRequest}. */
public class GreetingResponse {

    private String message;
    private int total;
    private String requestId;

    /** @return the greeting */
    public String getMessage() {
        return message;
    }

    /** @param message the greeting */
    public void setMessage(String message) {
        this.message = message;
    }

    /** @return count times the number of tags */
    public int getTotal() {
        return total;
    }

    /** @param total count times the number of tags */
    public void setTotal(int total) {
        this.total = total;
    }

    /** @return the invocation's request id, read from the context */
    public String getRequestId() {
        return requestId;
    }

    /** @param requestId the invocation's request id */
    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}
