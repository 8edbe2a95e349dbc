package dev.runway.bench.training;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The training function: a POJO handler of another shape than the benchmark's. */
public class OrderHandler implements RequestHandler<Order, Receipt> {

    /** An event this function accepts, for the training run. */
    public static final String EVENT =
            "{\"id\":\"o-17\",\"amount\":12.5,\"items\":[\"tea\",\"cake\"],\"attributes\":{\"channel\":\"web\"}}";

    @Override
    public Receipt handleRequest(Order order, Context context) {
        Receipt receipt = new Receipt();
        receipt.setOrderId(order.getId());
        receipt.setLines(order.getItems() == null ? 0 : order.getItems().size());
        receipt.setAccepted(order.getAmount() > 0);
        return receipt;
    }
}
