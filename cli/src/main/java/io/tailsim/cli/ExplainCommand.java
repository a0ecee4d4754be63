package io.tailsim.cli;

import io.tailsim.models.cluster.TraceCollector;
import io.tailsim.scenarios.Scenario;
import io.tailsim.scenarios.explain.Breakdown;
import io.tailsim.scenarios.explain.Explainer;
import io.tailsim.scenarios.explain.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** tailsim explain: where the slowest records' time went, against the median, in plain words. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a scenario's tail: for records at and above a percentile of producer latency,",
                "where their time went (by latency component and by resource), set against the median records.",
                "Runs one replication with a sample of records traced through every queue and thread."})
public final class ExplainCommand implements Callable<Integer> {
    private static final int TOP_ACTIVITIES = 6;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario YAML file.")
    Path file;

    @Option(names = "--percentile", paramLabel = "P", description = "Explain records at and above this percentile (default: 99).")
    double percentile = 99;

    @Option(names = "--trace", paramLabel = "N", description = "Also print the journeys of N sampled records, fastest to slowest.")
    int trace;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (default: the scenario's).")
    Long seed;

    @Override
    public Integer call() {
        if (!(percentile > 0 && percentile < 100)) {
            throw new UserInputException("--percentile must be between 0 and 100, got " + percentile);
        }
        if (trace < 0) {
            throw new UserInputException("--trace must not be negative, got " + trace);
        }
        Scenario scenario = Scenario.load(file);
        Explanation e = new Explainer().explain(scenario, percentile, trace, seed);
        System.out.print(render(e));
        return 0;
    }

    static String render(Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %,d records followed from send() to acknowledgement (after warm-up).%n%n",
                e.scenario(), e.traced()));
        group(sb, e.tail());
        group(sb, e.median());
        Breakdown.Share top = e.tail().activities().get(0);
        Breakdown.Share hot = e.tail().resources().get(0);
        double medianShare = e.median().activities().stream().filter(s -> s.activity().equals(top.activity()))
                .mapToDouble(Breakdown.Share::share).findFirst().orElse(0);
        sb.append(String.format(Locale.ROOT,
                "In short: the slowest records spend %.0f%% of their time %s (%.1f ms each on average),%n"
                        + "against %.0f%% for a median record. The single busiest place for them: %.0f%% %s.%n"
                        + "Tails grow where records queue behind one another: at a resource that is busy, or behind a burst.%n",
                100 * top.share(), top.activity(), top.meanMs(), 100 * medianShare, 100 * hot.share(), hot.activity()));
        if (!e.samples().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%nJourneys of %d sampled records, fastest to slowest (ms after send()):%n", e.samples().size()));
            for (TraceCollector.Timeline t : e.samples()) {
                sb.append('\n').append(t.format());
            }
        }
        return sb.toString();
    }

    private static void group(StringBuilder sb, Breakdown b) {
        sb.append(String.format(Locale.ROOT, "Records %s of producer latency (%,d records, %.2f to %.2f ms, mean %.2f ms)%n",
                b.group(), b.records(), b.lowMs(), b.highMs(), b.meanLatencyMs()));
        sb.append("  by component:");
        for (Map.Entry<String, Double> c : b.componentShares().entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s %.0f%%;", c.getKey(), 100 * c.getValue()));
        }
        sb.append("\n  spent their time (all brokers together):\n");
        shares(sb, b.activities());
        sb.append("  the places where they spent most:\n");
        shares(sb, b.resources());
        sb.append('\n');
    }

    private static void shares(StringBuilder sb, java.util.List<Breakdown.Share> list) {
        int shown = 0;
        for (Breakdown.Share s : list) {
            if (shown++ == TOP_ACTIVITIES) {
                break;
            }
            sb.append(String.format(Locale.ROOT, "    %3.0f%%  %-92s %8.2f ms%n", 100 * s.share(), s.activity(), s.meanMs()));
        }
    }
}
