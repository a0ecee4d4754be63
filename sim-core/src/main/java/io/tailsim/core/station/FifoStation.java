package io.tailsim.core.station;

import io.tailsim.core.dist.Distribution;
import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStream;
import io.tailsim.core.stat.LatencyRecorder;
import io.tailsim.core.stat.Tally;
import io.tailsim.core.stat.TimeWeighted;
import java.util.Objects;

/**
 * A first-come-first-served queue in front of {@code c} identical servers (G/G/c when fed by a
 * {@link Source}): a broker's I/O thread pool, a disk, a NIC, or a textbook M/M/1.
 *
 * <p>A job waits in FIFO order until a server frees, then holds it for a service time drawn from the
 * service distribution (from the station's own stream, at service start) or given at arrival. At
 * departure the station records the job's waiting time (arrival to service start) and sojourn
 * (arrival to departure) into {@link LatencyRecorder}s (nanoseconds) and {@link Tally}s (nanoseconds,
 * exact means), then calls the departure listener. Busy servers and queue length are tracked as
 * {@link TimeWeighted} averages.
 *
 * <p>Warm-up: {@link #resetStatistics()} (or {@link #resetStatisticsAt(long)}) clears every
 * statistic; jobs already inside are counted when they leave.
 *
 * <p>Allocation: the waiting line is a growable ring buffer of primitive arrival times and service
 * times beside the job tokens, and each server owns one reusable departure event, so a job costs
 * no allocation once the buffer has reached its high-water mark.
 *
 * @param <T> the job token handed back to the listener (null is allowed)
 */
public final class FifoStation<T> {
    /** Called when a job leaves the station, after the freed server has taken the next job. */
    @FunctionalInterface
    public interface Departure<T> {
        void departed(T job, long arrivalNanos, long serviceStartNanos, long departureNanos);
    }

    private static final long SAMPLE = -1;

    private final Simulator sim;
    private final String name;
    private final Distribution service;
    private final RandomStream rng;
    private final Server[] servers;
    private final int[] idle;
    private int idleCount;
    private Departure<? super T> listener;

    // Waiting line: ring buffer, capacity a power of two.
    private long[] qArrival;
    private long[] qService;
    private Object[] qJob;
    private int head;
    private int size;

    private final LatencyRecorder waits = new LatencyRecorder();
    private final LatencyRecorder sojourns = new LatencyRecorder();
    private final Tally waitTally = new Tally();
    private final Tally sojournTally = new Tally();
    private final TimeWeighted busy;
    private final TimeWeighted queueLength;
    private long arrivals;
    private long departures;

    /**
     * @param servers number of servers c (at least 1)
     * @param service service-time distribution in nanoseconds (may be null if every job comes with
     *                its own service time, see {@link #arrive(Object, long)})
     * @param rng     the station's stream for service times
     */
    public FifoStation(Simulator sim, String name, int servers, Distribution service, RandomStream rng) {
        if (servers < 1) {
            throw new IllegalArgumentException("station " + name + ": server count " + servers + " must be at least 1");
        }
        if (service != null) {
            Objects.requireNonNull(rng, "rng");
        }
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
        this.service = service;
        this.rng = rng;
        this.servers = new Server[servers];
        this.idle = new int[servers];
        for (int i = 0; i < servers; i++) {
            this.servers[i] = new Server(this, i);
            // Highest index on top of the stack so server 0 is taken first: deterministic and readable traces.
            this.idle[i] = servers - 1 - i;
        }
        this.idleCount = servers;
        int cap = 16;
        qArrival = new long[cap];
        qService = new long[cap];
        qJob = new Object[cap];
        long now = sim.now();
        busy = new TimeWeighted(now, 0);
        queueLength = new TimeWeighted(now, 0);
    }

    /** Sets the departure listener (replacing any previous one). */
    public FifoStation<T> onDeparture(Departure<? super T> listener) {
        this.listener = listener;
        return this;
    }

    /** A job arrives now; its service time is drawn from the service distribution when it starts. */
    public void arrive(T job) {
        if (service == null) {
            throw new IllegalStateException("station " + name + " has no service distribution; pass a service time");
        }
        admit(job, SAMPLE);
    }

    /** A job arrives now with a known service time (its size divided by the server's speed). */
    public void arrive(T job, long serviceNanos) {
        if (serviceNanos < 0) {
            throw new IllegalArgumentException("station " + name + ": negative service time " + serviceNanos + "ns");
        }
        admit(job, serviceNanos);
    }

    private void admit(T job, long serviceNanos) {
        long now = sim.now();
        arrivals++;
        if (idleCount > 0) {
            startService(servers[idle[--idleCount]], job, now, serviceNanos, now);
            busy.update(now, servers.length - idleCount);
        } else {
            enqueue(job, now, serviceNanos);
            queueLength.update(now, size);
        }
    }

    private void startService(Server s, Object job, long arrivalNanos, long serviceNanos, long now) {
        long duration = serviceNanos;
        if (duration == SAMPLE) {
            double x = service.sample(rng);
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalStateException("station " + name + ": service distribution "
                        + service.describe() + " drew " + x + "ns");
            }
            duration = Math.round(x);
        }
        s.job = job;
        s.arrivalNanos = arrivalNanos;
        s.startNanos = now;
        sim.schedule(s, duration);
    }

    private void depart(Server s) {
        long now = sim.now();
        @SuppressWarnings("unchecked")
        T job = (T) s.job;
        long arrival = s.arrivalNanos;
        long start = s.startNanos;
        s.job = null;
        departures++;
        long wait = start - arrival;
        long sojourn = now - arrival;
        waits.record(wait);
        sojourns.record(sojourn);
        waitTally.add(wait);
        sojournTally.add(sojourn);
        if (size > 0) {
            int h = head;
            Object next = qJob[h];
            long nextArrival = qArrival[h];
            long nextService = qService[h];
            qJob[h] = null;
            head = (h + 1) & (qJob.length - 1);
            size--;
            queueLength.update(now, size);
            startService(s, next, nextArrival, nextService, now);
        } else {
            idle[idleCount++] = s.index;
            busy.update(now, servers.length - idleCount);
        }
        if (listener != null) {
            listener.departed(job, arrival, start, now);
        }
    }

    private void enqueue(Object job, long arrivalNanos, long serviceNanos) {
        if (size == qJob.length) {
            grow();
        }
        int tail = (head + size) & (qJob.length - 1);
        qJob[tail] = job;
        qArrival[tail] = arrivalNanos;
        qService[tail] = serviceNanos;
        size++;
    }

    private void grow() {
        int cap = qJob.length;
        long[] a = new long[cap * 2];
        long[] sv = new long[cap * 2];
        Object[] j = new Object[cap * 2];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (cap - 1);
            a[i] = qArrival[from];
            sv[i] = qService[from];
            j[i] = qJob[from];
        }
        qArrival = a;
        qService = sv;
        qJob = j;
        head = 0;
    }

    /** Clears every statistic now (warm-up end); time averages restart from the current state. */
    public void resetStatistics() {
        long now = sim.now();
        waits.reset();
        sojourns.reset();
        waitTally.reset();
        sojournTally.reset();
        busy.reset(now);
        queueLength.reset(now);
    }

    /** Schedules {@link #resetStatistics()} at absolute time {@code timeNanos}. */
    public void resetStatisticsAt(long timeNanos) {
        sim.scheduleAt(new Event() {
            @Override
            public void fire(Simulator s) {
                resetStatistics();
            }

            @Override
            public String label() {
                return name + ".warmup-end";
            }
        }, timeNanos);
    }

    public String name() {
        return name;
    }

    public int servers() {
        return servers.length;
    }

    /** Jobs waiting (not in service). */
    public int queued() {
        return size;
    }

    /** Servers currently busy. */
    public int busyServers() {
        return servers.length - idleCount;
    }

    /** Jobs in the station, waiting or in service. */
    public int inSystem() {
        return size + busyServers();
    }

    /** Jobs that have arrived since the start (not reset by warm-up). */
    public long arrivals() {
        return arrivals;
    }

    /** Jobs that have departed since the start (not reset by warm-up). */
    public long departures() {
        return departures;
    }

    /** Waiting times (arrival to service start), nanoseconds, of jobs departed since the last reset. */
    public LatencyRecorder waitingTimes() {
        return waits;
    }

    /** Sojourn times (arrival to departure), nanoseconds. */
    public LatencyRecorder sojournTimes() {
        return sojourns;
    }

    /** Exact mean and variance of waiting times, nanoseconds. */
    public Tally waitingTimeTally() {
        return waitTally;
    }

    public Tally sojournTimeTally() {
        return sojournTally;
    }

    /** Number of busy servers over time. */
    public TimeWeighted busy() {
        return busy;
    }

    /** Number of waiting jobs over time. */
    public TimeWeighted queueLength() {
        return queueLength;
    }

    /** Mean fraction of servers busy since the last reset, up to now. */
    public double utilisation() {
        return busy.average(sim.now()) / servers.length;
    }

    @Override
    public String toString() {
        return "FifoStation[" + name + ", c=" + servers.length + ", busy=" + busyServers() + ", queued=" + size + "]";
    }

    /** One server: its departure event, reused for every job it serves. */
    private static final class Server extends Event {
        private final FifoStation<?> station;
        private final int index;
        private Object job;
        private long arrivalNanos;
        private long startNanos;

        Server(FifoStation<?> station, int index) {
            this.station = station;
            this.index = index;
        }

        @Override
        public void fire(Simulator s) {
            station.depart(this);
        }

        @Override
        public String label() {
            return station.name + ".server-" + index + ".departure";
        }
    }
}
