package io.tailsim.scenarios.runner;

/** Told how far a run has got, so a command line can draw a progress bar. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} units (simulated milliseconds over all replications) are complete. */
    void progress(long done, long total);
}
