package io.tailsim.validation.metrics;

import com.sun.management.ThreadMXBean;

import javax.management.AttributeList;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a broker's request metrics over its loopback JMX port. */
public final class JmxProbe implements AutoCloseable {
    public static final List<String> REQUESTS = List.of("Produce", "FetchFollower", "FetchConsumer");
    public static final List<String> TIMES = List.of("RequestQueueTimeMs", "LocalTimeMs", "RemoteTimeMs", "ResponseQueueTimeMs",
            "ResponseSendTimeMs", "TotalTimeMs");

    /**
     * Broker-wide BrokerTopicMetrics meters: client bytes in and out, replication bytes in and out, and partition-level request
     * counts (TotalProduceRequestsPerSec marks once per partition appended; TotalFetchRequestsPerSec once per partition a fetch
     * reads, every partition of its fetch session included), which give partitions per request.
     */
    public static final List<String> TOPIC_METERS = List.of("BytesInPerSec", "BytesOutPerSec", "ReplicationBytesInPerSec",
            "ReplicationBytesOutPerSec", "TotalProduceRequestsPerSec", "TotalFetchRequestsPerSec");

    /** Pseudo thread class of the JIT compiler threads' CPU ({@link CompilerThreads}), beside the Java thread classes. */
    public static final String JIT = "jit";

    private final int nodeId;
    private final Long pid;
    private final JMXConnector connector;
    private final MBeanServerConnection mbs;

    private JmxProbe(int nodeId, Long pid, JMXConnector connector) throws IOException {
        this.nodeId = nodeId;
        this.pid = pid;
        this.connector = connector;
        this.mbs = connector.getMBeanServerConnection();
    }

    /** A probe without the broker's process id: its snapshots carry no thread switches. */
    public static JmxProbe connect(int nodeId, String host, int port) {
        return connect(nodeId, host, port, null);
    }

    /** @param pid the broker JVM's process id on this machine, for its threads' switches in /proc; null for none */
    public static JmxProbe connect(int nodeId, String host, int port, Long pid) {
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + port + "/jmxrmi");
            return new JmxProbe(nodeId, pid, JMXConnectorFactory.connect(url));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to node " + nodeId + "'s JMX on " + host + ":" + port, e);
        }
    }

    /** The broker JVM's threadPrint (its Java threads' names and native ids); null if it cannot give one. */
    public String threadPrint() {
        try {
            return ThreadSwitches.threadPrint(mbs);
        } catch (IOException | javax.management.JMException e) {
            return null;
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
                    AttributeList a = mbs.getAttributes(on, new String[]{"Count", "Mean", "99thPercentile"});
                    times.put(request + "." + name, new HistogramSample(number(a, 0).longValue(), number(a, 1).doubleValue(),
                            a.size() > 2 ? number(a, 2).doubleValue() : Double.NaN));
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
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (String meter : TOPIC_METERS) {
                ObjectName on = new ObjectName("kafka.server:type=BrokerTopicMetrics,name=" + meter);
                if (mbs.isRegistered(on)) bytes.put(meter, ((Number) mbs.getAttribute(on, "Count")).longValue());
            }
            ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(mbs, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
            long[] ids = threads.getAllThreadIds();
            Map<String, Long> cpu = threadCpu(threads, ids);
            Map<Long, ThreadSwitches.Sample> switches = Map.of();
            if (pid != null) {
                // The same Java threads as the CPU times: those ThreadMXBean lists.
                Set<Long> javaIds = new HashSet<>();
                for (long id : ids) javaIds.add(id);
                switches = ThreadSwitches.take(mbs, javaIds, ThreadSwitches.PROC, pid);
            }
            Map<Long, Long> compilers = pid == null ? Map.of() : CompilerThreads.sample(ThreadSwitches.PROC, pid);
            Map<Long, GcWorkerThreads.Sample> gcWorkers = pid == null ? Map.of() : GcWorkerThreads.sample(ThreadSwitches.PROC, pid);
            return new BrokerJmxSnapshot(nodeId, now, times, counts, idleCount, gcCount, gcTime, bytes, cpu, switches, compilers, gcWorkers);
        } catch (IOException e) {
            throw new UncheckedIOException("JMX read from node " + nodeId + " failed", e);
        } catch (JMException e) {
            throw new IllegalStateException("JMX read from node " + nodeId + " failed", e);
        }
    }

    /** CPU nanoseconds of the live Java threads by {@link ThreadClass}; threads without CPU accounting are left out. */
    private static Map<String, Long> threadCpu(ThreadMXBean threads, long[] ids) {
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        long[] cpu = threads.getThreadCpuTime(ids);
        Map<String, Long> byClass = new LinkedHashMap<>();
        for (ThreadClass c : ThreadClass.values()) byClass.put(c.metricName(), 0L);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null || cpu[i] < 0) continue;
            byClass.merge(ThreadClass.of(infos[i].getThreadName()).metricName(), cpu[i], Long::sum);
        }
        return byClass;
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
