package io.tailsim.scenarios.explain;

import java.util.List;
import java.util.Map;

/**
 * Where a group of traced records spent their time: the share of their total latency per latency
 * component, per activity pooled over brokers ("waiting in the leader's request queue"), and per
 * activity at one resource ("waiting in broker-4's request queue"), with the mean time per record.
 */
public record Breakdown(String group, int records, double meanLatencyMs, double lowMs, double highMs,
                        Map<String, Double> componentShares, List<Share> activities, List<Share> resources) {

    /** One activity's share of the group's total time and its mean per record. */
    public record Share(String activity, String resource, String component, double share, double meanMs) {
    }
}
