package io.tailsim.validation.calibrate;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The four least-squares fits of the local profile's CPU costs, each of CPU seconds in the measured window on counts in it
 * (the window length's coefficient is the cores used when idle, which the model has no term for and the report shows):
 * <ul>
 * <li>handler side: broker CPU outside network and replica-fetcher threads (request handlers, and GC, JIT and other threads
 *     pro rata) on Produce requests, fetch requests (follower and consumer pooled), partitions appended beyond the first of a
 *     produce request, partitions read by fetches (fetch sessions), KiB produced;</li>
 * <li>network threads: their CPU on requests of every type (a request and its response together);</li>
 * <li>replica fetchers: their CPU on follower fetch responses and KiB replicated;</li>
 * <li>client: the driver's CPU on records sent, produce requests and consumer fetches.</li>
 * </ul>
 */
public record CalibrationFit(Fit handler, Fit network, Fit fetcher, Fit client, List<CalibrationSample> samples) {
    public static final List<String> HANDLER = List.of("idle", "Produce", "Fetch", "extraPartitionAppends", "partitionReads", "kibIn");
    public static final List<String> NETWORK = List.of("idle", "requests");
    public static final List<String> FETCHER = List.of("idle", "FetchFollower", "replicationKibIn");
    public static final List<String> CLIENT = List.of("idle", "recordsSent", "Produce", "FetchConsumer");

    public static CalibrationFit of(List<CalibrationSample> s) {
        List<String> names = s.stream().map(CalibrationSample::name).toList();
        Fit handler = Fit.ols("broker handler side", HANDLER, names,
                rows(s, CalibrationSample::seconds, CalibrationSample::produce, x -> x.fetchFollower() + x.fetchConsumer(),
                        CalibrationSample::extraPartitionAppends, CalibrationSample::partitionReads, CalibrationSample::kibIn),
                column(s, CalibrationSample::handlerSideCpu));
        Fit network = Fit.ols("broker network threads", NETWORK, names,
                rows(s, CalibrationSample::seconds, CalibrationSample::requests), column(s, CalibrationSample::networkCpu));
        Fit fetcher = Fit.ols("broker replica fetchers", FETCHER, names,
                rows(s, CalibrationSample::seconds, CalibrationSample::fetchFollower, CalibrationSample::replicationKibIn),
                column(s, CalibrationSample::fetcherCpu));
        Fit client = Fit.ols("clients (driver JVM)", CLIENT, names,
                rows(s, CalibrationSample::seconds, CalibrationSample::recordsSent, CalibrationSample::produce, CalibrationSample::fetchConsumer),
                column(s, CalibrationSample::driverCpu));
        return new CalibrationFit(handler, network, fetcher, client, List.copyOf(s));
    }

    @SafeVarargs
    private static double[][] rows(List<CalibrationSample> s, ToDoubleFunction<CalibrationSample>... columns) {
        double[][] x = new double[s.size()][columns.length];
        for (int i = 0; i < s.size(); i++)
            for (int j = 0; j < columns.length; j++) x[i][j] = columns[j].applyAsDouble(s.get(i));
        return x;
    }

    private static double[] column(List<CalibrationSample> s, ToDoubleFunction<CalibrationSample> f) {
        return s.stream().mapToDouble(f).toArray();
    }

    public List<Fit> fits() {
        return List.of(handler, network, fetcher, client);
    }
}
