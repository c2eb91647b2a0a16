package org.integramonitor.disclosure;

import java.util.Arrays;
import java.util.Random;

/** Test data: a random index drawn in proportion to its weight; an index of weight 0 is never drawn. */
public final class WeightedChoice {

    private WeightedChoice() {
    }

    public static int pick(Random random, double[] weights) {
        double x = random.nextDouble() * Arrays.stream(weights).sum();
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0 && weights[i] > 0) {
                return i;
            }
        }
        // rounding left x at 0: the last index that may be drawn
        for (int i = weights.length - 1; ; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
    }
}
