package io.tailsim.models.producer;

import io.tailsim.core.stat.Tally;

/** What a producer group's producers did, pooled over the group (reset at warm-up end). */
public final class ProducerGroupStats {
    public final String group;
    public final int producers;
    /** Records per batch, one observation per batch drained. */
    public final Tally recordsPerBatch = new Tally();
    /** Batches per produce request, one observation per request. */
    public final Tally batchesPerRequest = new Tally();
    public long produceRequests;
    public long metadataRequests;
    public long recordsSent;
    /** Time nodes had sendable data but max.in.flight.requests.per.connection requests outstanding (summed over producers and nodes). */
    public long inFlightBlockedNanos;
    /** Time the application thread spent blocked in send() waiting for buffer.memory (summed over producers). */
    public long bufferBlockedNanos;
    /** Time the application thread spent in flush() (Trogdor's throttle), summed over producers. */
    public long flushNanos;
    /** Times a Sender thread woke from its selector (a send(), a linger timer or a response found it asleep). */
    public long senderWakeups;
    /** Sender thread work, nominal: client-per-wakeup, client-per-request and client-per-response as charged. */
    public double senderCpuNanos;

    public ProducerGroupStats(String group, int producers) {
        this.group = group;
        this.producers = producers;
    }

    public void reset() {
        recordsPerBatch.reset();
        batchesPerRequest.reset();
        produceRequests = 0;
        metadataRequests = 0;
        recordsSent = 0;
        inFlightBlockedNanos = 0;
        bufferBlockedNanos = 0;
        flushNanos = 0;
        senderWakeups = 0;
        senderCpuNanos = 0;
    }
}
