package io.tailsim.models.broker;

import io.tailsim.models.cpu.CpuJob;
import io.tailsim.models.replication.CompletionSink;

import java.util.Arrays;

/**
 * A broker thread that completes delayed operations: it gathers what its work completed, pays the
 * completion CPU, then hands the responses to the network threads.
 */
abstract class CompletingThread extends CpuJob implements CompletionSink {
    private Completable[] completedOps = new Completable[4];
    private int completedCount;
    private int preparedCount;
    private double completionWork;

    CompletingThread(int cpuGroup) {
        super(cpuGroup);
    }

    @Override
    public void completed(Completable op, double workNanos) {
        if (completedCount == completedOps.length) {
            completedOps = Arrays.copyOf(completedOps, completedCount * 2);
        }
        completedOps[completedCount++] = op;
        completionWork += workNanos;
    }

    boolean hasCompletions() {
        return completedCount > 0;
    }

    /** Prepares the operations completed since the last call and returns the CPU work they need. */
    double takeCompletionWork() {
        double w = completionWork;
        completionWork = 0;
        while (preparedCount < completedCount) {
            w += completedOps[preparedCount++].prepare();
        }
        return w;
    }

    /** Sends the responses of the operations whose completion work was taken; later ones wait for the next round. */
    void respondCompleted(long now) {
        int n = preparedCount;
        for (int i = 0; i < n; i++) {
            Completable op = completedOps[i];
            completedOps[i] = null;
            op.respond(now);
        }
        int rest = completedCount - n;
        System.arraycopy(completedOps, n, completedOps, 0, rest);
        Arrays.fill(completedOps, rest, completedCount, null);
        completedCount = rest;
        preparedCount = 0;
    }
}
