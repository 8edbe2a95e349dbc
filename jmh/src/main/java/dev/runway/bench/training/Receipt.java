package dev.runway.bench.training;

/** The training function's output. */
public class Receipt {

    private String orderId;
    private int lines;
    private boolean accepted;

    /** @return the order it answers */
    public String getOrderId() {
        return orderId;
    }

    /** @param orderId the order it answers */
    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    /** @return the number of line items */
    public int getLines() {
        return lines;
    }

    /** @param lines the number of line items */
    public void setLines(int lines) {
        this.lines = lines;
    }

    /** @return whether the order was taken */
    public boolean isAccepted() {
        return accepted;
    }

    /** @param accepted whether the order was taken */
    public void setAccepted(boolean accepted) {
        this.accepted = accepted;
    }
}
