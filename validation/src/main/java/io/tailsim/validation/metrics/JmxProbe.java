package io.tailsim.validation.metrics;

import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a broker's request metrics over its loopback JMX port. */
public final class JmxProbe implements AutoCloseable {
    public static final List<String> REQUESTS = List.of("Produce", "FetchFollower", "FetchConsumer");
    public static final List<String> TIMES = List.of("RequestQueueTimeMs", "LocalTimeMs", "RemoteTimeMs", "ResponseQueueTimeMs",
            "ResponseSendTimeMs", "TotalTimeMs");

    private final int nodeId;
    private final JMXConnector connector;
    private final MBeanServerConnection mbs;

    private JmxProbe(int nodeId, JMXConnector connector) throws IOException {
        this.nodeId = nodeId;
        this.connector = connector;
        this.mbs = connector.getMBeanServerConnection();
    }

    public static JmxProbe connect(int nodeId, String host, int port) {
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + port + "/jmxrmi");
            return new JmxProbe(nodeId, JMXConnectorFactory.connect(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to node " + nodeId + "'s JMX on " + host + ":" + port, e);
        }
    }

    public BrokerJmxSnapshot snapshot() {
        try {
            long now = System.nanoTime();
            Map<String, HistogramSample> times = new LinkedHashMap<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String request : REQUESTS) {
                for (String name : TIMES) {
                    ObjectName on = new ObjectName("kafka.network:type=RequestMetrics,name=" + name + ",request=" + request);
                    if (!mbs.isRegistered(on)) continue;
                    AttributeList a = mbs.getAttributes(on, new String[]{"Count", "Mean"});
                    times.put(request + "." + name, new HistogramSample(number(a, 0).longValue(), number(a, 1).doubleValue()));
                }
                // RequestsPerSec carries a version tag: one meter per API version seen.
                long sum = 0;
                for (ObjectName on : mbs.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=" + request + ",*"), null))
                    sum += ((Number) mbs.getAttribute(on, "Count")).longValue();
                counts.put(request, sum);
            }
            // The broker's data-plane pool only; in combined mode RequestHandlerAvgIdlePercent also averages in the controller's pool.
            ObjectName idle = new ObjectName("kafka.server:type=KafkaRequestHandlerPool,name=BrokerRequestHandlerAvgIdlePercent");
            Long idleCount = mbs.isRegistered(idle) ? ((Number) mbs.getAttribute(idle, "Count")).longValue() : null;
            long gcCount = 0, gcTime = 0;
            for (ObjectName gc : mbs.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null)) {
                AttributeList a = mbs.getAttributes(gc, new String[]{"CollectionCount", "CollectionTime"});
                gcCount += Math.max(0, number(a, 0).longValue());
                gcTime += Math.max(0, number(a, 1).longValue());
            }
            return new BrokerJmxSnapshot(nodeId, now, times, counts, idleCount, gcCount, gcTime);
        } catch (IOException e) {
            throw new UncheckedIOException("JMX read from node " + nodeId + " failed", e);
        } catch (JMException e) {
            throw new IllegalStateException("JMX read from node " + nodeId + " failed", e);
        }
    }

    private static Number number(AttributeList a, int i) {
        return (Number) ((javax.management.Attribute) a.get(i)).getValue();
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the broker may already be gone
        }
    }
}
