package io.cherrypick.flow.stock;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.cherrypick.handoff.HandoffEndpoint;

/**
 * The sales channels told about stock (bean {@code stockChannels}): the names under
 * {@code cherrypick.flows.stock.channels}, each pushed to by its route of template stock-to-channel, which takes the
 * channel's hand-off queue {@code stock-channel:<name>}.
 */
@Component("stockChannels")
public class StockChannels {
    public static final String QUEUE_PREFIX = "stock-channel:";
    private static final Logger log = LoggerFactory.getLogger(StockChannels.class);

    private final StockProperties props;
    private final CamelContext camel;
    private volatile boolean checked;

    public StockChannels(StockProperties props, CamelContext camel) {
        this.props = props;
        this.camel = camel;
    }

    /** The channels' names, in name order. */
    public List<String> names() {
        List<String> names = List.copyOf(props.channels().keySet());
        if (!checked) {
            checked = true;
            warnAboutChannelsWithoutRoute(names);
        }
        return names;
    }

    /** A channel configured without its route would collect pushes that never go: say so once, loudly. */
    private void warnAboutChannelsWithoutRoute(List<String> names) {
        Set<String> taken = camel.getRoutes().stream().map(Route::getEndpoint).filter(HandoffEndpoint.class::isInstance)
                .map(e -> ((HandoffEndpoint) e).getQueue()).collect(Collectors.toSet());
        for (String name : names) {
            if (!taken.contains(QUEUE_PREFIX + name)) {
                log.error("stock channel {} is configured (cherrypick.flows.stock.channels.{}) but no route takes its queue"
                        + " {}{}: add a templatedRoute of stock-to-channel for it in routes/stock-from-wms.camel.yaml; its"
                        + " levels wait in the queue until then", name, name, QUEUE_PREFIX, name);
            }
        }
    }
}
