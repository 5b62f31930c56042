package io.cherrypick.simulator.bluecherry.posting;

import io.cherrypick.simulator.bluecherry.BlueCherryState;
import io.cherrypick.simulator.bluecherry.model.Sku;

/** Checks that a posted SKU tuple and its UPC agree with each other and with the record they refer to. */
final class SkuCheck {
    private SkuCheck() {
    }

    /** The SKU when the UPC is in the style master and the posted tuple is the one it belongs to; else null. */
    static Sku onFile(RecordCheck check, BlueCherryState state, String upc) {
        if (upc.isEmpty()) {
            return null;
        }
        Sku onFile = state.skuByUpc(upc);
        if (onFile == null) {
            check.fail("upc_num '" + upc + "' is not on file");
            return null;
        }
        Sku sent = Sku.of(check.record());
        if (!sent.equals(onFile)) {
            check.fail(sent.describe() + " does not match upc_num " + upc + " (" + onFile.describe() + ")");
            return null;
        }
        return onFile;
    }

    /** Whether the posted tuple and UPC are those of the referenced line ({@code what} names it, e.g. "the PO line"). */
    static boolean sameAs(RecordCheck check, Sku expected, String expectedUpc, String upc, String what) {
        Sku sent = Sku.of(check.record());
        boolean same = true;
        if (!sent.equals(expected)) {
            check.fail(sent.describe() + " does not match " + what + " (" + expected.describe() + ")");
            same = false;
        }
        if (!upc.isEmpty() && !upc.equals(expectedUpc)) {
            check.fail("upc_num '" + upc + "' does not match " + what + "'s upc '" + expectedUpc + "'");
            same = false;
        }
        return same;
    }
}
