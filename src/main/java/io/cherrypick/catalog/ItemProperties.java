package io.cherrypick.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a Blue Cherry SKU becomes a Peoplevox ItemCode ({@code cherrypick.items}); defaults in application.yml.
 * <p>
 * Code that builds one by hand (unit tests) may leave a value null and gets the same value as application.yml
 * (SettingsTest keeps the two equal).
 *
 * @param codeStrategy UPC (the SKU's UPC), or COMPOSITE (style, colour, label, dimension and size joined by the
 *                     separator, empty parts skipped)
 * @param separator    what joins the parts of a COMPOSITE code
 */
@Validated
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
