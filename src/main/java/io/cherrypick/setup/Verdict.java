package io.cherrypick.setup;

/** A check's outcome: ready, worth a look, or something that stops orders (the command exits non-zero). */
public enum Verdict {
    PASS, WARN, FAIL;

    /** The worse of the two. */
    public Verdict and(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
