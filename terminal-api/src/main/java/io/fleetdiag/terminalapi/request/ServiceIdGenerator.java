package io.fleetdiag.terminalapi.request;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * ServiceIDs for Terminal API requests: 10 alphanumeric characters, fresh for every attempt, and
 * unique per POIID for far longer than Adyen's 48 hours. The first six characters count hundredths
 * of a second in base 62 (they repeat after 18 years), the last four are random, so two ids collide
 * only if two attempts for a terminal start in the same hundredth of a second and draw the same of
 * 14.7 million suffixes; one request in flight per terminal rules out the first.
 */
public final class ServiceIdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final long TIME_SPAN = pow(62, 6);
    private static final int RANDOM_SPAN = (int) pow(62, 4);

    private final Clock clock;
    private final RandomGenerator random;

    public ServiceIdGenerator() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public ServiceIdGenerator(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        char[] id = new char[10];
        long time = Math.floorMod(clock.millis() / 10, TIME_SPAN);
        for (int i = 5; i >= 0; i--) {
            id[i] = ALPHABET[(int) (time % 62)];
            time /= 62;
        }
        int suffix = random.nextInt(RANDOM_SPAN);
        for (int i = 9; i >= 6; i--) {
            id[i] = ALPHABET[suffix % 62];
            suffix /= 62;
        }
        return new String(id);
    }

    private static long pow(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
