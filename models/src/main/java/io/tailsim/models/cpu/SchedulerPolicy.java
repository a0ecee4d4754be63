package io.tailsim.models.cpu;

/** How a time-sliced host picks the next thread for a core ({@link HostCpu#setTimeSlice}). */
public enum SchedulerPolicy {
    /** FIFO round robin with quantum q, RR(q): a woken thread queues behind every thread already waiting. */
    ROUND_ROBIN,
    /**
     * Linux's EEVDF (kernel/sched/fair.c since 6.6): of the threads whose virtual runtime is at or below the runnable
     * threads' average (eligible), the one with the earliest virtual deadline (vruntime + slice) runs; a thread that slept
     * comes back with the lag it left with, so one that mostly sleeps runs ahead of one that has used its share.
     */
    EEVDF
}
