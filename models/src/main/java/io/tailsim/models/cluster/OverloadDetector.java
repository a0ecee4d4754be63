package io.tailsim.models.cluster;

import io.tailsim.core.event.Event;
import io.tailsim.core.event.Simulator;
import io.tailsim.models.broker.ApiKey;
import io.tailsim.models.broker.Broker;
import io.tailsim.models.consumer.ConsumerGroup;
import io.tailsim.models.network.Host;
import io.tailsim.models.producer.KafkaProducer;
import io.tailsim.models.report.OverloadException;

import java.util.List;
import java.util.Locale;

/**
 * Stops a run that cannot reach a steady state, with a diagnosis naming the resource, instead of
 * letting queues (and the heap) grow without bound. Checked once per simulated second:
 * <ul>
 * <li>a broker host whose CPU stays busy (>= 99%) while the requests it holds (request queue,
 *     network-thread queues, sockets of muted connections) keep growing: offered load is
 *     estimated as utilisation x requests arrived / requests answered over the window;</li>
 * <li>a host NIC whose transmit queue holds more than a second of data and keeps growing;</li>
 * <li>a producer whose oldest request has gone unanswered for request.timeout.ms (the client
 *     would time it out and retry: not modelled, so the run stops);</li>
 * <li>open-loop producers whose application backlog keeps growing past 10,000 send() calls;</li>
 * <li>a consumer group whose lag (records behind the high watermark) exceeds
 *     {@link #MAX_CONSUMER_LAG} and keeps growing: its log is held for it, so memory would grow
 *     without bound;</li>
 * <li>more than {@link #MAX_PENDING_EVENTS} pending events (memory guard).</li>
 * </ul>
 * "Keeps growing" means growing in each of {@link #WINDOWS} consecutive checks.
 */
final class OverloadDetector extends Event {
    static final int WINDOWS = 5;
    static final int MAX_PENDING_EVENTS = 20_000_000;
    static final long MAX_CONSUMER_LAG = 5_000_000;

    private final ClusterModel model;
    private final int[] cpuGrowing;
    private final long[] lastBacklog;
    private final long[] lastArrived;
    private final long[] lastAnswered;
    private final int[] nicGrowing;
    private final long[] lastNicQueue;
    private final long[] lastAppBacklog;
    private final int[] appGrowing;
    private final double[] hostUtil;
    private final double[] nicUtil;
    private final double[] lastEgressBusy;
    private long offeredRecords;
    private long servedRecords;
    private long lastArrivedTotal;
    private long lastAppendedTotal;
    private final long[] lastLag;
    private final int[] lagGrowing;

    OverloadDetector(ClusterModel model) {
        this.model = model;
        int hosts = model.brokerHosts().length;
        cpuGrowing = new int[hosts];
        lastBacklog = new long[hosts];
        lastArrived = new long[hosts];
        lastAnswered = new long[hosts];
        nicGrowing = new int[hosts];
        lastNicQueue = new long[hosts];
        int groups = model.spec().producerGroups().size();
        lastAppBacklog = new long[groups];
        appGrowing = new int[groups];
        hostUtil = new double[hosts];
        nicUtil = new double[hosts];
        lastEgressBusy = new double[hosts];
        lastLag = new long[model.consumerGroups().size()];
        lagGrowing = new int[lastLag.length];
    }

    void start() {
        model.simulator().schedule(this, ClusterModel.CHECK_INTERVAL);
    }

    @Override
    public void fire(Simulator sim) {
        long now = sim.now();
        checkHosts(now);
        checkProducers(now);
        checkConsumers(now);
        if (sim.pending() > MAX_PENDING_EVENTS) {
            throw new OverloadException("simulator", Double.NaN, now, "more than " + MAX_PENDING_EVENTS
                    + " events pending at " + seconds(now) + ": the model is not reaching a steady state");
        }
        sim.schedule(this, ClusterModel.CHECK_INTERVAL);
    }

    private void checkHosts(long now) {
        Host[] hosts = model.brokerHosts();
        List<Broker> brokers = model.brokers();
        for (int h = 0; h < hosts.length; h++) {
            long backlog = 0;
            long arrived = 0;
            long answered = 0;
            String names = "";
            for (Broker b : brokers) {
                if (b.host() != hosts[h]) {
                    continue;
                }
                names = names.isEmpty() ? b.name() : names + "+" + b.name();
                backlog += b.requestQueueSize() + b.networkThreadBacklog() + socketBacklog(b)
                        + b.blockedNetworkThreads();
                for (ApiKey k : ApiKey.values()) {
                    arrived += b.requestsArrived(k);
                    answered += b.timingCount(k);
                }
            }
            double util = hosts[h].cpu().utilisationSinceLastCheck();
            hostUtil[h] = util;
            double egress = hosts[h].egressBusyNanos();
            nicUtil[h] = Math.max(0, egress - lastEgressBusy[h]) / ClusterModel.CHECK_INTERVAL;
            lastEgressBusy[h] = egress;
            long dArrived = arrived - lastArrived[h];
            long dAnswered = answered - lastAnswered[h];
            if (util >= 0.99 && backlog > lastBacklog[h] && backlog > 100) {
                cpuGrowing[h]++;
            } else {
                cpuGrowing[h] = 0;
            }
            lastBacklog[h] = backlog;
            lastArrived[h] = arrived;
            lastAnswered[h] = answered;
            if (cpuGrowing[h] >= WINDOWS) {
                double offered = dAnswered > 0 ? util * dArrived / (double) dAnswered : Double.NaN;
                String who = names.contains("+") ? hosts[h].name() + " (" + names + ")" : names;
                throw new OverloadException(who + " CPU", offered, now, String.format(Locale.ROOT,
                        "%s CPU offered %.0f%% of capacity (%.0f%% busy, %d requests held and growing for %d s) at %s",
                        who, 100 * offered, 100 * util, backlog, WINDOWS, seconds(now)));
            }
            long nicQueue = model.networkEgressBacklog(hosts[h]);
            if (nicQueue > 1_000_000_000L && nicQueue > lastNicQueue[h]) {
                nicGrowing[h]++;
            } else {
                nicGrowing[h] = 0;
            }
            lastNicQueue[h] = nicQueue;
            if (nicGrowing[h] >= WINDOWS) {
                throw new OverloadException(hosts[h].name() + " NIC", Double.NaN, now, String.format(Locale.ROOT,
                        "%s NIC transmit queue holds %.1f s of data and keeps growing at %s", hosts[h].name(),
                        nicQueue / 1e9, seconds(now)));
            }
        }
    }

    private static long socketBacklog(Broker b) {
        return b.socketQueued();
    }

    private void checkProducers(long now) {
        List<KafkaProducer> producers = model.producers();
        long arrivedTotal = 0;
        long appendedTotal = 0;
        for (KafkaProducer p : producers) {
            arrivedTotal += p.recordsArrived();
            appendedTotal += p.recordsAppended();
        }
        offeredRecords = arrivedTotal - lastArrivedTotal;
        servedRecords = appendedTotal - lastAppendedTotal;
        lastArrivedTotal = arrivedTotal;
        lastAppendedTotal = appendedTotal;
        long[] backlog = new long[lastAppBacklog.length];
        List<String> groupNames = model.spec().producerGroups().stream().map(g -> g.name()).toList();
        for (KafkaProducer p : producers) {
            long oldest = p.oldestOutstandingSend();
            if (oldest != Long.MAX_VALUE && now - oldest > p.requestTimeoutNanos()) {
                throw bottleneck(now, String.format(Locale.ROOT,
                        "%s: request to %s unanswered for %.0f ms, past request.timeout.ms=%d",
                        p.name(), p.oldestOutstandingBroker(), (now - oldest) / 1e6, p.requestTimeoutNanos() / 1_000_000),
                        p.oldestOutstandingBroker() + " requests");
            }
            backlog[groupNames.indexOf(p.spec().name())] += p.applicationBacklog();
        }
        for (int g = 0; g < backlog.length; g++) {
            if (backlog[g] > 10_000 && backlog[g] > lastAppBacklog[g]) {
                appGrowing[g]++;
            } else {
                appGrowing[g] = 0;
            }
            lastAppBacklog[g] = backlog[g];
            if (appGrowing[g] >= WINDOWS) {
                throw bottleneck(now, String.format(Locale.ROOT,
                        "producer group %s cannot keep up: %d send() calls waiting and growing for %d s",
                        groupNames.get(g), backlog[g], WINDOWS), "producer group " + groupNames.get(g));
            }
        }
    }

    private void checkConsumers(long now) {
        List<ConsumerGroup> groups = model.consumerGroups();
        for (int g = 0; g < groups.size(); g++) {
            ConsumerGroup group = groups.get(g);
            long lag = group.lag();
            if (lag > MAX_CONSUMER_LAG && lag > lastLag[g]) {
                lagGrowing[g]++;
            } else {
                lagGrowing[g] = 0;
            }
            lastLag[g] = lag;
            if (lagGrowing[g] >= WINDOWS) {
                throw bottleneck(now, String.format(Locale.ROOT,
                        "consumer group %s cannot keep up: %d records behind and growing for %d s",
                        group.groupId(), lag, WINDOWS), "consumer group " + group.groupId());
            }
        }
    }

    /**
     * The producers cannot keep up: name the busiest broker resource if one is saturated, with its
     * offered load estimated as utilisation x records offered / records appended in the last window.
     */
    private OverloadException bottleneck(long now, String symptom, String fallback) {
        Host[] hosts = model.brokerHosts();
        int best = -1;
        for (int h = 0; h < hosts.length; h++) {
            if (best < 0 || hostUtil[h] > hostUtil[best]) {
                best = h;
            }
        }
        double ratio = servedRecords > 0 ? offeredRecords / (double) servedRecords : Double.NaN;
        for (Host c : model.clientHosts()) {
            double u = c.cpu().utilisationSinceLastCheck();
            if (u >= 0.95) {
                double offered = u * ratio;
                return new OverloadException(c.name() + " CPU", offered, now, String.format(Locale.ROOT,
                        "%s CPU offered %.0f%% of capacity (%.0f%% busy; %s) at %s", c.name(), 100 * offered,
                        100 * u, symptom, seconds(now)));
            }
        }
        if (best >= 0 && hostUtil[best] >= 0.95) {
            String who = hostName(hosts[best]);
            double offered = hostUtil[best] * ratio;
            return new OverloadException(who + " CPU", offered, now, String.format(Locale.ROOT,
                    "%s CPU offered %.0f%% of capacity (%.0f%% busy; %s) at %s", who, 100 * offered,
                    100 * hostUtil[best], symptom, seconds(now)));
        }
        int nic = -1;
        for (int h = 0; h < hosts.length; h++) {
            if (nic < 0 || nicUtil[h] > nicUtil[nic]) {
                nic = h;
            }
        }
        if (nic >= 0 && nicUtil[nic] >= 0.95) {
            double offered = nicUtil[nic] * ratio;
            return new OverloadException(hosts[nic].name() + " NIC", offered, now, String.format(Locale.ROOT,
                    "%s NIC offered %.0f%% of capacity (%s) at %s", hosts[nic].name(), 100 * offered, symptom,
                    seconds(now)));
        }
        return new OverloadException(fallback, Double.NaN, now, symptom + " (no broker CPU or NIC saturated: the"
                + " clients themselves are the limit) at " + seconds(now));
    }

    private String hostName(Host h) {
        String names = "";
        for (Broker b : model.brokers()) {
            if (b.host() == h) {
                names = names.isEmpty() ? b.name() : names + "+" + b.name();
            }
        }
        return names.contains("+") ? h.name() + " (" + names + ")" : names;
    }

    private static String seconds(long now) {
        return String.format(Locale.ROOT, "t=%.1f s", now / 1e9);
    }

    @Override
    public String label() {
        return "overload-check";
    }
}
