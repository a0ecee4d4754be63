package io.tailsim.validation.driver;

/**
 * Application time a consumer spends after poll() returns, before it polls again: the simulator's processing-per-poll plus
 * processing-per-record. The driver parks the polling thread that long (it does not burn CPU: the scenario's processing is
 * time, not load on this machine's cores).
 */
public interface Processing {
    /** A fresh sampler for consumer {@code index} of the group, with its own random stream. */
    Sampler forConsumer(int index);

    interface Sampler {
        /** Nanoseconds to spend after a poll that returned {@code records} records. */
        long nanosAfterPoll(int records);
    }
}
