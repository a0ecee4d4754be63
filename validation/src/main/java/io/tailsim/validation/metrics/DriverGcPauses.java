package io.tailsim.validation.metrics;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The stop-the-world collections of the driver's own JVM while the window is open: every producer's send() and Sender
 * thread and every consumer of the workload stop for each of them, so they sit inside the measured latencies the way a
 * broker's pauses do. Read from the JVM's GC notifications (one per collection, with its length in whole ms), in process.
 * Only collectors that stop the world count (G1's young, mixed and full collections; Serial's and Parallel's); G1's
 * Remark and Cleanup pauses have no notification before JDK 20 and are missed, as are a concurrent collector's cycles,
 * which do not stop the application.
 */
public final class DriverGcPauses implements NotificationListener {
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final List<Double> pausesMs = new ArrayList<>();

    private DriverGcPauses() {
    }

    /** Starts listening to this JVM's collectors. */
    public static DriverGcPauses start() {
        DriverGcPauses p = new DriverGcPauses();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (stopsTheWorld(gc.getName()) && gc instanceof NotificationEmitter e) {
                e.addNotificationListener(p, null, null);
                p.emitters.add(e);
            }
        }
        return p;
    }

    /** Stops listening; the lengths of the pauses seen since {@link #start()}, ms, in order. */
    public List<Double> stop() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(this);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
        emitters.clear();
        synchronized (pausesMs) {
            return List.copyOf(pausesMs);
        }
    }

    /** Pauses seen so far. */
    int count() {
        synchronized (pausesMs) {
            return pausesMs.size();
        }
    }

    /** Collector beans whose collections are pauses: not ZGC's or Shenandoah's cycles, nor G1's concurrent bean (JDK 20+). */
    static boolean stopsTheWorld(String collector) {
        String n = collector.toLowerCase(java.util.Locale.ROOT);
        return !(n.contains("cycles") || n.contains("concurrent"));
    }

    @Override
    public void handleNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        synchronized (pausesMs) {
            pausesMs.add((double) info.getGcInfo().getDuration());
        }
    }
}
