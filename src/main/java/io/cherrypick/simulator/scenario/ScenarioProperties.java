package io.cherrypick.simulator.scenario;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settings of the demo scenario ({@code cherrypick.simulator.scenario.*}); the field values are the defaults. */
@ConfigurationProperties("cherrypick.simulator.scenario")
@Validated
public class ScenarioProperties {

    /** Create the scenario beans and its control API (also needs cherrypick.simulator.enabled). */
    private boolean enabled = true;
    /** Start ticking once the application is ready; false leaves it to POST /sim/scenario/_control/start. */
    private boolean autoStart = true;
    /** Seed of every random choice: the same seed gives the same catalogue and the same stream of orders. */
    private long seed = 20261126L;
    /** Number of styles in the catalogue (each with 3-4 colours and 5 sizes, jeans also 2 inseams). */
    @Min(1)
    private int styles = 40;
    /** Seed the catalogue's SKUs and stock into Peoplevox as well (stands in for the item-master flow). */
    private boolean preloadPeoplevoxItems = true;
    /** Peoplevox site references that get stock in the preload and stock movements. */
    @NotEmpty
    private List<String> sites = new ArrayList<>(List.of("PrimarySite", "LondonSite"));
    /** Pause between two order ticks. */
    private Duration orderInterval = Duration.ofSeconds(5);
    /** Pick tickets released in Blue Cherry per order tick. */
    @Min(0)
    private int ordersPerTick = 3;
    /** Share of generated picks that are bad (half unknown SKU, half unmapped location). */
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    private double badOrderShare = 0.1;
    /** Pause between two warehouse ticks. */
    private Duration warehouseInterval = Duration.ofSeconds(7);
    /** Chance that an order in the warehouse moves one status on in a tick. */
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    private double advanceProbability = 0.5;
    /** Stock movements (goods in, damages, count corrections) per warehouse tick. */
    @Min(0)
    private int stockMovementsPerTick = 2;
    /** Chance per warehouse tick that a despatched order is returned (RA in Blue Cherry). */
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    private double returnProbability = 0.2;
    /** Warehouse ticks between the RA and the parcel being received in Peoplevox. */
    @Min(0)
    private int returnReceiptDelayTicks = 3;
    /** First pick ticket number (the order number runs alongside: pick 100001 is order 40001). */
    @Min(100_000)
    private long firstPickNumber = 100_001L;
    /** Wait after the application is ready before the first tick. */
    private Duration startDelay = Duration.ofSeconds(2);
    /** Base URL of the application hosting the Peoplevox simulator; empty means this application. */
    private String peoplevoxUrl = "";
    /** Base URL of the application hosting the Blue Cherry simulator; empty means this application. */
    private String bluecherryUrl = "";
    /** Connect and read timeout of the control calls. */
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isAutoStart() {
        return autoStart;
    }

    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    public int getStyles() {
        return styles;
    }

    public void setStyles(int styles) {
        this.styles = styles;
    }

    public boolean isPreloadPeoplevoxItems() {
        return preloadPeoplevoxItems;
    }

    public void setPreloadPeoplevoxItems(boolean preloadPeoplevoxItems) {
        this.preloadPeoplevoxItems = preloadPeoplevoxItems;
    }

    public List<String> getSites() {
        return sites;
    }

    public void setSites(List<String> sites) {
        this.sites = sites;
    }

    public Duration getOrderInterval() {
        return orderInterval;
    }

    public void setOrderInterval(Duration orderInterval) {
        this.orderInterval = orderInterval;
    }

    public int getOrdersPerTick() {
        return ordersPerTick;
    }

    public void setOrdersPerTick(int ordersPerTick) {
        this.ordersPerTick = ordersPerTick;
    }

    public double getBadOrderShare() {
        return badOrderShare;
    }

    public void setBadOrderShare(double badOrderShare) {
        this.badOrderShare = badOrderShare;
    }

    public Duration getWarehouseInterval() {
        return warehouseInterval;
    }

    public void setWarehouseInterval(Duration warehouseInterval) {
        this.warehouseInterval = warehouseInterval;
    }

    public double getAdvanceProbability() {
        return advanceProbability;
    }

    public void setAdvanceProbability(double advanceProbability) {
        this.advanceProbability = advanceProbability;
    }

    public int getStockMovementsPerTick() {
        return stockMovementsPerTick;
    }

    public void setStockMovementsPerTick(int stockMovementsPerTick) {
        this.stockMovementsPerTick = stockMovementsPerTick;
    }

    public double getReturnProbability() {
        return returnProbability;
    }

    public void setReturnProbability(double returnProbability) {
        this.returnProbability = returnProbability;
    }

    public int getReturnReceiptDelayTicks() {
        return returnReceiptDelayTicks;
    }

    public void setReturnReceiptDelayTicks(int returnReceiptDelayTicks) {
        this.returnReceiptDelayTicks = returnReceiptDelayTicks;
    }

    public long getFirstPickNumber() {
        return firstPickNumber;
    }

    public void setFirstPickNumber(long firstPickNumber) {
        this.firstPickNumber = firstPickNumber;
    }

    public Duration getStartDelay() {
        return startDelay;
    }

    public void setStartDelay(Duration startDelay) {
        this.startDelay = startDelay;
    }

    public String getPeoplevoxUrl() {
        return peoplevoxUrl;
    }

    public void setPeoplevoxUrl(String peoplevoxUrl) {
        this.peoplevoxUrl = peoplevoxUrl;
    }

    public String getBluecherryUrl() {
        return bluecherryUrl;
    }

    public void setBluecherryUrl(String bluecherryUrl) {
        this.bluecherryUrl = bluecherryUrl;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
