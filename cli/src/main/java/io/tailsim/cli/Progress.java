package io.tailsim.cli;

import io.tailsim.scenarios.runner.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/**
 * A progress bar on stderr (me.tongfei:progressbar draws to stderr by default) when stderr is a terminal; otherwise a plain
 * line every ten percent so logs stay readable. Shown only once a run has taken a few seconds.
 */
final class Progress implements ProgressListener, AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 3_000_000_000L;

    private final String task;
    private final boolean terminal;
    private final PrintStream err;
    private final long started = System.nanoTime();
    private ProgressBar bar;
    private int lastDecile = -1;

    Progress(String task) {
        this.task = task;
        this.terminal = System.console() != null;
        this.err = System.err;
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (System.nanoTime() - started < SHOW_AFTER_NANOS) {
            return;
        }
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" sim-s", 1000)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
        } else {
            int decile = total <= 0 ? 10 : (int) (10 * done / total);
            if (decile > lastDecile) {
                lastDecile = decile;
                err.printf("%s: %d%%%n", task, decile * 10);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
