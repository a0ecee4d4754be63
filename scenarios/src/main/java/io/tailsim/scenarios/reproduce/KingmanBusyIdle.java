package io.tailsim.scenarios.reproduce;

import io.tailsim.scenarios.result.BrokerSummary;
import io.tailsim.scenarios.result.LatencyStats;
import io.tailsim.scenarios.result.Summary;
import io.tailsim.scenarios.runner.SweepResult;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;
import java.util.Locale;

/**
 * Latency blog: "wait time for a resource is proportional to busy/idle". One request-handler thread
 * swept from 10% to 95% busy; its mean queueing delay (Produce RequestQueueTimeMs) against
 * rho/(1 - rho), with rho the handler's measured utilisation.
 */
final class KingmanBusyIdle implements Experiment {
    @Override
    public String id() {
        return "kingman";
    }

    @Override
    public String published() {
        return "wait time for a resource is proportional to busy/idle (Kingman)";
    }

    @Override
    public List<String> files() {
        return List.of("utilisation-sweep.yaml");
    }

    @Override
    public List<Check> evaluate(RunSet runs) {
        SweepResult sweep = runs.sweep("utilisation-sweep.yaml");
        SimpleRegression fit = new SimpleRegression();
        double minRho = 1;
        double maxRho = 0;
        for (SweepResult.Point p : sweep.points()) {
            Summary s = p.summary();
            BrokerSummary b = s.brokers().get(0);
            double rho = b.requestHandlerUtilization();
            LatencyStats q = s.requestMetrics().get("Produce").get("RequestQueueTimeMs");
            fit.addData(rho / (1 - rho), q.get("mean"));
            minRho = Math.min(minRho, rho);
            maxRho = Math.max(maxRho, rho);
        }
        String detail = String.format(Locale.ROOT, "%d points, handler busy %.0f%%..%.0f%%, slope %.3f ms per unit busy/idle",
                fit.getN(), 100 * minRho, 100 * maxRho, fit.getSlope());
        return List.of(
                Check.atLeast("R^2 of mean queueing delay against rho/(1-rho)", fit.getRSquare(), 0.95, "proportional", detail),
                Check.atMost("lowest utilisation in the sweep", minRho, 0.15, "10%", "the sweep must start near 10%"),
                Check.atLeast("highest utilisation in the sweep", maxRho, 0.90, "95%", "the sweep must reach about 95%"));
    }
}
