package io.cherrypick.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a Blue Cherry SKU becomes a Peoplevox ItemCode: {@code UPC} (default) or {@code COMPOSITE}
 * (style, colour, label, dimension and size joined by {@code separator}, empty parts skipped).
 */
@ConfigurationProperties("cherrypick.items")
public record ItemProperties(CodeStrategy codeStrategy, String separator) {
    public enum CodeStrategy { UPC, COMPOSITE }

    public ItemProperties {
        if (codeStrategy == null) {
            codeStrategy = CodeStrategy.UPC;
        }
        if (separator == null) {
            separator = "-";
        }
    }
}
