package io.cherrypick.bluecherry.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.catalog.ItemCodes;
import io.cherrypick.store.Authorisation;
import io.cherrypick.store.ReturnState;

/**
 * Reads a Blue Cherry return authorisation ({@code GET /api/x-sim/returnAuthorization?_include=all}: header +
 * {@code radetail.rows}) into Cherrypick's records. Each line's Peoplevox ItemCode comes from {@link ItemCodes}, the
 * same rule the order flow used for the pick, so returned items match despatched ones.
 */
@Component
public class AuthorisationReader {
    private final ItemCodes itemCodes;

    public AuthorisationReader(ItemCodes itemCodes) {
        this.itemCodes = itemCodes;
    }

    public Authorisation header(JsonNode ra, String revision, ReturnState state, String note) {
        return new Authorisation(text(ra, "ra_num"), text(ra, "ord_num"), text(ra, "pick_num"), text(ra, "customer"),
                text(ra, "location"), text(ra, "reason_code"), text(ra, "ra_date"), text(ra, "status"), revision,
                fingerprint(ra), state, false, note, null, null, null, null, null);
    }

    /** The RA's lines; a line without a usable quantity gets 0 (the sender holds such an RA). */
    public List<AuthorisedLine> lines(JsonNode ra) {
        String raNum = text(ra, "ra_num");
        List<AuthorisedLine> lines = new ArrayList<>();
        int position = 0;
        for (JsonNode row : ra.path("radetail").path("rows")) {
            position++;
            String seq = text(row, "line_seq");
            int lineSeq = seq.isEmpty() ? position : wholeOr(seq, position);
            lines.add(new AuthorisedLine(raNum, lineSeq, text(row, "style"), text(row, "color_code"), text(row, "lbl_code"),
                    text(row, "dimension"), text(row, "size_desc"), text(row, "upc"),
                    itemCodes.itemCode(row, text(row, "style")), wholeOr(text(row, "ra_qty"), 0)));
        }
        return lines;
    }

    /** The field a person fills in Blue Cherry so a line gets an ItemCode. */
    public String itemCodeSource() {
        return itemCodes.sourceFieldName();
    }

    /**
     * What Peoplevox is told about an RA: pick, order, location, reason and the lines. Blue Cherry moves {@code last_mod}
     * for other reasons too (its status after a receipt); those revisions are not sent again.
     */
    public String fingerprint(JsonNode ra) {
        String lines = lines(ra).stream().map(l -> l.lineSeq() + ":" + l.itemCode() + ":" + l.raQty())
                .collect(Collectors.joining(","));
        return sha256(String.join("|", text(ra, "pick_num"), text(ra, "ord_num"), text(ra, "location"),
                text(ra, "reason_code"), text(ra, "customer"), lines));
    }

    public static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asText().trim();
    }

    private static int wholeOr(String text, int fallback) {
        try {
            return new BigDecimal(text).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return fallback;
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
