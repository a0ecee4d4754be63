package io.tailsim.models.broker;

import io.tailsim.core.event.Simulator;
import io.tailsim.core.rng.RandomStreams;
import io.tailsim.models.Fixtures;
import io.tailsim.models.config.BrokerConfig;
import io.tailsim.models.config.HardwareProfile;
import io.tailsim.models.cpu.HostCpu;
import io.tailsim.models.network.Host;
import io.tailsim.models.network.Network;
import io.tailsim.models.replication.Partition;
import io.tailsim.models.report.RequestTimings;
import io.tailsim.models.storage.RecordBatch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One broker with hand-made clients, for mechanism tests below the cluster level. */
final class BrokerHarness {
    final Simulator sim = new Simulator();
    final RandomStreams streams = new RandomStreams(7);
    final HardwareProfile profile;
    final Network network;
    final Host host;
    final Host clientHost;
    final Broker broker;
    final Map<ApiKey, RequestTimings> timings = new EnumMap<>(ApiKey.class);

    BrokerHarness(HardwareProfile profile, BrokerConfig config, int brokers) {
        this.profile = profile;
        this.network = new Network(sim, profile.network());
        this.host = new Host(0, 0, "host-0", profile.network().nicBytesPerSecond(),
                new HostCpu(sim, "host-0", profile.brokerVcpus()));
        this.clientHost = new Host(1, 0, "client", profile.network().nicBytesPerSecond(), null);
        for (ApiKey k : ApiKey.values()) {
            timings.put(k, new RequestTimings(k.metricName()));
        }
        this.broker = new Broker(0, brokers, sim, host, 0, config, profile, network, streams.stream("cpu"),
                streams.stream("disk"), timings, null);
    }

    BrokerHarness() {
        this(Fixtures.simple(2), BrokerConfig.defaults(), 1);
    }

    Partition leaderPartition(int id, int[] replicas, int minIsr) {
        Partition p = new Partition("t", id, replicas, minIsr, sim.now(), null);
        broker.addLedPartition(p);
        return p;
    }

    Client client(String name) {
        return new Client(name);
    }

    final class Client implements ClientEndpoint {
        final String name;
        final Connection connection;
        final List<Request> responses = new ArrayList<>();
        final List<Long> responseTimes = new ArrayList<>();

        Client(String name) {
            this.name = name;
            this.connection = broker.connect(this, clientHost, streams.stream(name + "/out"),
                    streams.stream(name + "/in"), false);
        }

        @Override
        public void onResponse(Request r, long now) {
            responses.add(r);
            responseTimes.add(now);
        }

        @Override
        public String name() {
            return name;
        }
    }

    static final class TestBatch extends RecordBatch {
        final int records;

        TestBatch(int records, int bytes) {
            this.records = records;
            this.sizeInBytes = bytes;
        }

        @Override
        public int recordCount() {
            return records;
        }
    }
}
