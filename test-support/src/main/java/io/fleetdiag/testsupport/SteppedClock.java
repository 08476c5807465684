package io.fleetdiag.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A UTC clock the test moves on by hand, so time-driven code runs the same on every machine. */
public final class SteppedClock extends Clock {

    // volatile: a test may move the clock while the code under test reads it on another thread
    private volatile Instant now;

    public SteppedClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    public void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
