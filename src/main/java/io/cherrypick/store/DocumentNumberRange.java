package io.cherrypick.store;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * This installation's range of Blue Cherry document numbers ({@code cherrypick.document-numbers}; defaults in
 * application.yml). Every kind (shipment isa_num, carton serial, receipt isa_num) counts on its own inside the range.
 * Two installations posting to one Blue Cherry (test and production, two warehouses) get ranges that do not overlap,
 * so they never send each other's numbers; after a database is restored from a backup, the range starts past what the
 * lost days may have used.
 *
 * @param first the first number this installation gives (a kind with no number in the range yet starts here)
 * @param last  the last one: once a kind reaches it, allocating fails with an error naming the kind and this setting;
 *              numbers never wrap round. Carton serials must fit the digits the GS1 company prefix leaves (16 minus
 *              its length: 9 with a 7-digit prefix)
 */
@Validated
@ConfigurationProperties("cherrypick.document-numbers")
public record DocumentNumberRange(@Min(1) long first, @Min(1) long last) {
    public DocumentNumberRange {
        if (last < first) {
            throw new IllegalArgumentException("cherrypick.document-numbers.last (" + last
                    + ") must be no less than cherrypick.document-numbers.first (" + first + ")");
        }
    }

    /** The whole positive range: what an installation gets that sets nothing. */
    public static final DocumentNumberRange ALL = new DocumentNumberRange(1, 999_999_999L);

    @Override
    public String toString() {
        return "cherrypick.document-numbers.first = " + first + ", cherrypick.document-numbers.last = " + last;
    }
}
