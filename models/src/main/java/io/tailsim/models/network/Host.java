package io.tailsim.models.network;

import io.tailsim.models.cpu.HostCpu;

/**
 * A machine: its availability zone, its NIC (one FIFO transmitter per direction at the NIC's
 * bandwidth) and, for broker hosts or clients priced on a shared host, its cores.
 */
public final class Host {
    final int id;
    final int az;
    final String name;
    final double nanosPerByte;
    final HostCpu cpu;

    private long clockOffset = -1;

    long egressFreeAt;
    long ingressFreeAt;
    double egressBusyNanos;
    double ingressBusyNanos;

    public Host(int id, int az, String name, double nicBytesPerSecond, HostCpu cpu) {
        this.id = id;
        this.az = az;
        this.name = name;
        this.nanosPerByte = 1e9 / nicBytesPerSecond;
        this.cpu = cpu;
    }

    public int id() {
        return id;
    }

    public int az() {
        return az;
    }

    public String name() {
        return name;
    }

    /** The host's cores, or null for a client host whose CPU is not priced. */
    public HostCpu cpu() {
        return cpu;
    }

    /**
     * This machine's wall-clock offset (ns), in [0, maxSkewNanos): one clock per machine (NTP keeps
     * machines' clocks within a skew of each other; the threads of one machine share its clock). The
     * first caller draws it from {@code firstDrawer}; later callers on the same machine get the same.
     */
    public long clockOffset(long maxSkewNanos, io.tailsim.core.rng.RandomStream firstDrawer) {
        if (clockOffset < 0) {
            clockOffset = maxSkewNanos <= 0 ? 0 : (long) (firstDrawer.nextDouble() * maxSkewNanos);
        }
        return Math.min(clockOffset, Math.max(0, maxSkewNanos - 1));
    }

    /** Transmit-side busy time since the last reset (ns). */
    public double egressBusyNanos() {
        return egressBusyNanos;
    }

    public double ingressBusyNanos() {
        return ingressBusyNanos;
    }

    public void resetStats() {
        egressBusyNanos = 0;
        ingressBusyNanos = 0;
    }

    @Override
    public String toString() {
        return name + "@az" + az;
    }
}
