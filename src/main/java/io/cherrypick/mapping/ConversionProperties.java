package io.cherrypick.mapping;

import java.math.BigDecimal;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How each system writes times, weights and volumes ({@code cherrypick.conversion}); the mapping files convert between
 * them with {@code peoplevoxTime(x)}, {@code blueCherryDate(x)}, {@code blueCherryWeight(x)} and the others
 * ({@link MappingFunctions}), and the Blue Cherry pulls read {@code last_mod} in Blue Cherry's zone. Defaults in
 * application.yml; none of them is confirmed by a public source (README "Tenant setup").
 *
 * @param peoplevox  the Peoplevox tenant: its local time zone (imports, reports and events carry no zone) and the units
 *                   its weights and volumes are in
 * @param bluecherry Blue Cherry: the zone of its zone-less times ({@code last_mod}, {@code pick_date}, ...) and the units
 *                   it takes (also the codes sent as {@code weight_uom} and {@code volume_uom})
 */
@Validated
@ConfigurationProperties("cherrypick.conversion")
public record ConversionProperties(@NotNull @Valid System peoplevox, @NotNull @Valid System bluecherry) {
    /**
     * One system's time zone and units.
     *
     * @param timeZone   the zone its times without an offset are in (an IANA name, e.g. Europe/London, America/New_York)
     * @param weightUnit the unit of its weights: KG, G (grams), LB or OZ
     * @param volumeUnit the unit of its volumes: M3 (cubic metres), L (litres), CM3 (cubic centimetres), CF (cubic feet)
     *                   or CI (cubic inches)
     */
    public record System(@NotNull ZoneId timeZone, @NotNull WeightUnit weightUnit, @NotNull VolumeUnit volumeUnit) {
    }

    /** Weight units, each in kilograms; for Blue Cherry the name is also the code sent as weight_uom. */
    public enum WeightUnit {
        KG("1"), G("0.001"), LB("0.45359237"), OZ("0.028349523125");

        final BigDecimal kilograms;

        WeightUnit(String kilograms) {
            this.kilograms = new BigDecimal(kilograms);
        }
    }

    /** Volume units, each in cubic metres; for Blue Cherry the name is also the code sent as volume_uom. */
    public enum VolumeUnit {
        M3("1"), L("0.001"), CM3("0.000001"), CF("0.028316846592"), CI("0.000016387064");

        final BigDecimal cubicMetres;

        VolumeUnit(String cubicMetres) {
            this.cubicMetres = new BigDecimal(cubicMetres);
        }
    }
}
