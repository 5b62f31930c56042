package io.cherrypick.bluecherry.model;

/** One authorised SKU line of an RA, with the Peoplevox ItemCode it maps to. */
public record AuthorisedLine(String raNum, int lineSeq, String style, String colorCode, String lblCode, String dimension,
                             String sizeDesc, String upc, String itemCode, int raQty) {
}
