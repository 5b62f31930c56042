package io.cherrypick.bluecherry;

import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spi.TypeConverterRegistry;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.TypeConverterSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cherrypick.bluecherry.model.Pick;
import io.cherrypick.bluecherry.model.Style;

/**
 * Lets a route turn a record the {@code bluecherry:} consumer pulled (the body: the record as parsed JSON) into its
 * typed record with {@code convertBodyTo}, wrapping the parsed JSON as it is. {@code unmarshal: json} would read the
 * parsed tree again into a copy of itself (Jackson's delegating creator), a tenth of the order pull's CPU. JSON text
 * (a record sent to the route by hand, or stored) is parsed first.
 */
@Configuration
public class BlueCherryRecordConverters {
    @Bean
    CamelContextConfiguration blueCherryRecordTypes(ObjectMapper json) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                TypeConverterRegistry registry = camel.getTypeConverterRegistry();
                add(registry, json, Pick.class, Pick::of);
                add(registry, json, Style.class, Style::of);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing to do once started
            }
        };
    }

    private static <R> void add(TypeConverterRegistry registry, ObjectMapper json, Class<R> type,
                                Function<JsonNode, R> of) {
        registry.addTypeConverter(type, JsonNode.class, converter(value -> (JsonNode) value, of));
        registry.addTypeConverter(type, String.class, converter(value -> json.readTree((String) value), of));
    }

    /** How a converter reads the value it is given as JSON. */
    private interface JsonReader {
        JsonNode read(Object value) throws JsonProcessingException;
    }

    private static <R> TypeConverterSupport converter(JsonReader reader, Function<JsonNode, R> of) {
        return new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> wanted, Exchange exchange, Object value) {
                try {
                    return wanted.cast(of.apply(reader.read(value)));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    throw new TypeConversionException(value, wanted, e);
                }
            }
        };
    }
}
