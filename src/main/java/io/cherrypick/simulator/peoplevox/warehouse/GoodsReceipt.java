package io.cherrypick.simulator.peoplevox.warehouse;

import java.time.LocalDateTime;
import java.util.List;

/** Goods booked in at a site (GoodsReceived event). */
public record GoodsReceipt(int goodsInId, String reference, String purchaseOrderNumber, String siteReference,
        LocalDateTime reconciledAt, List<Despatch.PackageLine> lines) {
}
