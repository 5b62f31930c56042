package io.cherrypick.flow.despatch;

import java.math.BigDecimal;
import java.util.Objects;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.cherrypick.mapping.MappingSource;
import io.cherrypick.mapping.MappingSourceAdapter;
import io.cherrypick.peoplevox.model.PvxDespatch;

/**
 * How a mapping reads a shipment ({@code source: shipment} in routes/mappings/order-shipment.yaml):
 * <ul>
 * <li>{@code pick.<field>}: the pick ticket as Cherrypick sent it (absent when the pick has no such field, or null);</li>
 * <li>{@code despatch_number}, {@code carrier}, {@code service_type}, {@code tracking_number}, {@code site}: the
 * Peoplevox despatch;</li>
 * <li>{@code despatch_date}: the despatch date as Peoplevox wrote it (the mapping converts it); {@code shipper}, {@code scac_code}: from the mapping kind
 * {@code carrier}; {@code cartons}: packages; {@code weight}: their weights added up; {@code isa_num}: the despatch's
 * control number (nine digits); {@code cmpl_code}: Y or N by {@code cherrypick.flows.despatch.cmpl-code}.</li>
 * </ul>
 */
@Component
public class ShipmentSource implements MappingSourceAdapter {
    private final DespatchProperties props;

    public ShipmentSource(DespatchProperties props) {
        this.props = props;
    }

    @Override
    public String name() {
        return "shipment";
    }

    @Override
    public MappingSource adapt(Object body) {
        if (!(body instanceof Shipment s)) {
            throw new IllegalArgumentException("the order-shipment mapping reads a prepared shipment, not "
                    + (body == null ? "an empty message" : body.getClass().getSimpleName()));
        }
        PvxDespatch d = s.despatch();
        return name -> {
            if (name.startsWith("pick.")) {
                JsonNode v = s.pick().get(name.substring(5));
                return v == null || v.isNull() ? null : v.asText().trim();
            }
            return switch (name) {
                case "despatch_number" -> d.despatchNumber();
                case "carrier" -> d.carrier();
                case "service_type" -> d.serviceType();
                case "tracking_number" -> d.trackingNumber();
                case "site" -> d.site();
                // as Peoplevox wrote it (the tenant's zone): the mapping makes it Blue Cherry's day (blueCherryDate)
                case "despatch_date" -> d.despatchDate();
                case "shipper" -> s.carrier() == null ? null : s.carrier().shipper();
                case "scac_code" -> s.carrier() == null ? null : s.carrier().scac();
                case "cartons" -> Integer.toString(d.packages().size());
                case "weight" -> d.packages().stream().map(PvxDespatch.Package::weight).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
                case "isa_num" -> String.format("%09d", s.isaNum() % 1_000_000_000L);
                case "cmpl_code" -> cmplCode(s.completesPick());
                default -> null;
            };
        };
    }

    private String cmplCode(boolean completesPick) {
        return switch (props.cmplCode()) {
            case ALWAYS_Y -> "Y";
            case ALWAYS_N -> "N";
            case FULLY_SHIPPED -> completesPick ? "Y" : "N";
        };
    }
}
