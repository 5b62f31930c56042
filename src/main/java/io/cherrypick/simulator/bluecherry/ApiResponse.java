package io.cherrypick.simulator.bluecherry;

/** What the simulated API answers: status and JSON body (a Map/List tree). */
public record ApiResponse(int status, Object body) {
}
