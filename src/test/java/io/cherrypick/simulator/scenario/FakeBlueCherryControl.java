package io.cherrypick.simulator.scenario;

import java.util.ArrayList;
import java.util.List;

/** In-memory stand-in for the Blue Cherry simulator's control API: records what it is sent, can be told to fail. */
public class FakeBlueCherryControl implements BlueCherryControl {

    private final List<Location> locations = new ArrayList<>();
    private final List<List<CatalogueStyle>> styleCalls = new ArrayList<>();
    private final List<GeneratedPick> picks = new ArrayList<>();
    private final List<ReturnAuthorisation> returnAuthorisations = new ArrayList<>();
    private int failuresToGo;

    @Override
    public synchronized void createLocations(List<Location> sent) {
        failIfAsked("locations");
        locations.addAll(sent);
    }

    @Override
    public synchronized void createStyles(List<CatalogueStyle> sent) {
        failIfAsked("styles");
        styleCalls.add(List.copyOf(sent));
    }

    @Override
    public synchronized void createPicks(List<GeneratedPick> sent) {
        failIfAsked("picks");
        picks.addAll(sent);
    }

    @Override
    public synchronized void createReturnAuthorisations(List<ReturnAuthorisation> sent) {
        failIfAsked("return-authorisations");
        returnAuthorisations.addAll(sent);
    }

    /** The next {@code calls} calls fail as an unreachable simulator would. */
    public synchronized void failNext(int calls) {
        failuresToGo = calls;
    }

    public synchronized void reset() {
        locations.clear();
        styleCalls.clear();
        picks.clear();
        returnAuthorisations.clear();
        failuresToGo = 0;
    }

    public synchronized List<Location> locations() {
        return List.copyOf(locations);
    }

    public synchronized List<List<CatalogueStyle>> styleCalls() {
        return List.copyOf(styleCalls);
    }

    public synchronized List<GeneratedPick> picks() {
        return List.copyOf(picks);
    }

    public synchronized List<ReturnAuthorisation> returnAuthorisations() {
        return List.copyOf(returnAuthorisations);
    }

    private void failIfAsked(String what) {
        if (failuresToGo > 0) {
            failuresToGo--;
            throw new ControlCallException("POST http://fake/sim/bluecherry/_control/" + what + " answered 503: unavailable");
        }
    }
}
