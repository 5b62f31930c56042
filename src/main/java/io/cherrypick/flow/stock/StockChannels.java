package io.cherrypick.flow.stock;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The sales channels told about stock (bean {@code stockChannels}): the names under
 * {@code cherrypick.flows.stock.channels}, each pushed to by its route of template stock-to-channel.
 */
@Component("stockChannels")
public class StockChannels {
    private final StockProperties props;

    public StockChannels(StockProperties props) {
        this.props = props;
    }

    /** The channels' names, in name order. */
    public List<String> names() {
        return List.copyOf(props.channels().keySet());
    }
}
