package io.cherrypick.simulator.scenario;

import java.util.List;
import java.util.random.RandomGenerator;

/** Small helpers over a seeded random generator, so every choice the scenario makes is reproducible. */
final class Randoms {

    private Randoms() {
    }

    static <T> T pick(List<T> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    /** Fisher-Yates shuffle in place (java.util.Collections.shuffle wants a java.util.Random). */
    static <T> void shuffle(List<T> values, RandomGenerator random) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = values.get(i);
            values.set(i, values.get(j));
            values.set(j, swap);
        }
    }

    /** An index chosen with the given relative weights. */
    static int weightedIndex(int[] weights, RandomGenerator random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** A string of random decimal digits. */
    static String digits(int count, RandomGenerator random) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A string of random upper-case letters. */
    static String letters(int count, RandomGenerator random) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('A' + random.nextInt(26)));
        }
        return out.toString();
    }
}
