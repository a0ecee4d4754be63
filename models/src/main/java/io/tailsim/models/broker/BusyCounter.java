package io.tailsim.models.broker;

/** Time-integral of how many threads of a pool are busy: the complement of Kafka's *AvgIdlePercent. */
public final class BusyCounter {
    private final int threads;
    private int busy;
    private long last;
    private double integral;
    private long start;

    public BusyCounter(int threads, long now) {
        this.threads = threads;
        this.last = now;
        this.start = now;
    }

    public void busy(long now) {
        advance(now);
        busy++;
    }

    public void idle(long now) {
        advance(now);
        busy--;
    }

    private void advance(long now) {
        integral += (double) busy * (now - last);
        last = now;
    }

    public int threads() {
        return threads;
    }

    /** Mean fraction of the pool's threads busy since the last reset. */
    public double utilisation(long now) {
        advance(now);
        long span = now - start;
        return span <= 0 || threads == 0 ? Double.NaN : integral / ((double) threads * span);
    }

    public void reset(long now) {
        advance(now);
        integral = 0;
        start = now;
    }
}
