package io.tailsim.validation.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A small sh process that outlives a killed driver: it polls the driver's PID each second and, once the driver is gone (or a
 * zombie), stops the brokers listed in the run's pid file (SIGTERM, then SIGKILL after 20 s) and removes the run folder and
 * the pid file. It exits quietly when the pid file disappears, which the driver's own clean-up does. It ignores INT, HUP
 * and TERM so a Ctrl-C to the foreground process group does not take it down with the driver; the driver ends it with SIGKILL.
 * Broker PIDs are signalled only while their command line still holds the run's marker, so a reused PID is never hit.
 */
public final class Watchdog {
    static final String SCRIPT = """
            trap '' INT HUP TERM
            driver=$1; pidfile=$2; rundir=$3; marker=$4
            alive() {
              [ -r "/proc/$1/stat" ] || return 1
              state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)
              [ -n "$state" ] && [ "$state" != Z ]
            }
            ours() { [ -r "/proc/$1/cmdline" ] && tr '\\000' '\\n' < "/proc/$1/cmdline" 2>/dev/null | grep -qxF -- "$marker"; }
            while [ -f "$pidfile" ]; do
              if ! alive "$driver"; then
                pids=$(sed -n 's/^broker //p' "$pidfile")
                for p in $pids; do ours "$p" && kill -TERM "$p" 2>/dev/null; done
                n=0
                while [ $n -lt 20 ]; do
                  left=
                  for p in $pids; do ours "$p" && left=1; done
                  [ -z "$left" ] && break
                  sleep 1; n=$((n+1))
                done
                for p in $pids; do ours "$p" && kill -KILL "$p" 2>/dev/null; done
                rm -rf -- "$rundir"
                rm -f -- "$pidfile"
                exit 0
              fi
              sleep 1
            done
            """;

    private Watchdog() {
    }

    public static Process start(long driverPid, Path pidFile, Path runDir, String marker) {
        List<String> cmd = List.of("/bin/sh", "-c", SCRIPT, "tailsim-watchdog",
                Long.toString(driverPid), pidFile.toAbsolutePath().toString(), runDir.toAbsolutePath().toString(), marker);
        try {
            return new ProcessBuilder(cmd)
                    .redirectInput(new File("/dev/null"))
                    // Not pipes: a dead driver's pipes would SIGPIPE the watchdog mid-clean-up.
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watchdog (/bin/sh)", e);
        }
    }
}
