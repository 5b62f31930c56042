package io.cherrypick.flow.inbound;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cherrypick.mapping.MappingSourceAdapter;
import io.cherrypick.mapping.TypedSource;
import io.cherrypick.peoplevox.events.EventSpec;

/**
 * The inbound flow's start-up: the Peoplevox {@code GoodsReceived} event (stored by the webhook in queue
 * {@code goods-receipt-events}) and the mapping sources of its two mapping files. The flow itself is
 * routes/inbound.camel.yaml.
 */
@Configuration
public class InboundFlow {
    /** Queue (and exceptions' flow) of Blue Cherry purchase orders on their way to Peoplevox. */
    public static final String PURCHASE_ORDER_FLOW = "purchase-order";
    /** Queue (and exceptions' flow) of goods-in lines on their way to Blue Cherry. */
    public static final String RECEIPT_FLOW = "goods-receipt";

    private final InboundProperties props;

    public InboundFlow(InboundProperties props) {
        this.props = props;
    }

    /**
     * Peoplevox {@code GoodsReceived}: one event per delivery (key GoodsReceived:reference), the same key the goods-in
     * report poll gives the delivery, so whichever comes first is the one stored. The event is only the trigger: the
     * delivery's lines are read from the goods-in report.
     */
    @Bean
    EventSpec goodsReceivedEvents() {
        return new EventSpec("GoodsReceived", RECEIPT_FLOW, List.of("GoodsInId", "Reference", "PurchaseOrderNumber",
                "SiteReference", "ReconciledDateTime"), List.of("Reference"), List.of("Reference"), props.enabled());
    }

    /** {@code source: purchase-order} in routes/mappings/purchase-order.yaml. */
    @Bean
    MappingSourceAdapter purchaseOrderSource() {
        return new TypedSource("purchase-order", PurchaseOrderDocument.class);
    }

    /** {@code source: goods-receipt} in routes/mappings/production-receipt.yaml. */
    @Bean
    MappingSourceAdapter goodsReceiptSource() {
        return new TypedSource("goods-receipt", ReceiptAllocation.class);
    }
}
