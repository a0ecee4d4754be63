package io.tailsim.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Formats results as engines by pending size, in millions of events per second. */
final class EngineTable {
    private EngineTable() {
    }

    static String format(List<EngineBench.Result> results) {
        List<Integer> sizes = new ArrayList<>();
        Map<String, Map<Integer, Double>> byEngine = new LinkedHashMap<>();
        for (EngineBench.Result r : results) {
            if (!sizes.contains(r.pending())) {
                sizes.add(r.pending());
            }
            byEngine.computeIfAbsent(r.engine(), e -> new LinkedHashMap<>()).put(r.pending(), r.eventsPerSecond());
        }
        StringBuilder sb = new StringBuilder(String.format("%-30s", "median Mevents/s"));
        for (int n : sizes) {
            sb.append(String.format("%16s", "pending=" + n));
        }
        sb.append('\n');
        byEngine.forEach((engine, rates) -> {
            sb.append(String.format("%-30s", engine));
            for (int n : sizes) {
                sb.append(String.format("%16.2f", rates.get(n) / 1e6));
            }
            sb.append('\n');
        });
        appendRatio(sb, sizes, byEngine, EngineKind.TAILSIM.id(), EngineKind.SSJ_SPLAYTREE.id());
        return sb.toString();
    }

    private static void appendRatio(StringBuilder sb, List<Integer> sizes, Map<String, Map<Integer, Double>> byEngine,
                                    String num, String den) {
        if (!byEngine.containsKey(num) || !byEngine.containsKey(den)) {
            return;
        }
        sb.append(String.format("%-30s", num + " / " + den));
        for (int n : sizes) {
            sb.append(String.format("%15.2fx", byEngine.get(num).get(n) / byEngine.get(den).get(n)));
        }
        sb.append('\n');
    }
}
