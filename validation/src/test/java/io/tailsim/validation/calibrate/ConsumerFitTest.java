package io.tailsim.validation.calibrate;

import io.tailsim.scenarios.profile.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The consumers' threads fitted on their fetch responses, and taken out of the clients' per-record fit. */
class ConsumerFitTest {
    private static final double PER_FETCH = 126e-6, PER_RECORD = 30e-6;

    /** Runs whose clients' CPU is Sender work, consumer work per fetch response and callbacks per record; some consume nothing. */
    private static CalibrationFit fit(boolean consumersApart) {
        List<CalibrationSample> runs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double w = 15, produce = w * (100 + 80 * i), ff = w * (50 + 37 * (i % 4)), fc = i % 4 == 0 ? 0 : w * (60 + 90 * (i % 5));
            double reads = w * (200 + 911 * (i % 7)), records = produce * (1 + i % 3), wakeups = 2 * produce;
            double handler = 0.05 * w + 300e-6 * (produce + ff + fc), network = 0.01 * w + 40e-6 * (produce + ff + fc);
            double fetcher = 0.005 * w + 50e-6 * ff, offPath = 0.02 * w + 900e-6 * (produce + ff + fc);
            double sender = 0.01 * w + 60e-6 * wakeups;
            double consumer = 0.006 * w + PER_FETCH * fc;
            double clients = sender + consumer + 0.02 * w + PER_RECORD * records;
            runs.add(new CalibrationSample("c" + i, w, produce, ff, fc, reads, records, handler + network + fetcher + offPath,
                    network, fetcher, handler, offPath, clients + 0.05 * w, 30, 120, 3, false, false, 1000, 0.1, 0.4, null,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, sender, wakeups, clients,
                    consumersApart ? consumer : Double.NaN));
        }
        return CalibrationFit.of(runs);
    }

    @Test
    void theConsumersCpuPerFetchResponseComesOutOfTheClientsPerRecordFit(@TempDir Path tmp) throws Exception {
        CalibrationFit f = fit(true);
        assertThat(f.consumer()).isNotNull();
        assertThat(f.consumer().coefficient("fetchResponses")).isCloseTo(PER_FETCH, within(1e-9));
        // what is left per record is the callbacks' alone
        assertThat(f.client().coefficient("recordsSent")).isCloseTo(PER_RECORD, within(1e-9));
        assertThat(f.fits()).contains(f.consumer());
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(f, LocalProfileWriterTest.MACHINE, "2026-01-01", null).render());
        var t = ProfileLoader.load(file);
        assertThat(t.hardware().hostEffects().consumerPerFetchNanos()).isCloseTo(126_000, within(1.0));
        assertThat(t.sources().get("cpu.consumer-per-fetch")).startsWith("fit:").contains("per fetch response");
    }

    @Test
    void runsWithoutTheConsumerThreadsApartLeaveThemInTheClients(@TempDir Path tmp) throws Exception {
        CalibrationFit f = fit(false);
        assertThat(f.consumer()).isNull();
        Path file = tmp.resolve("local.yaml");
        Files.writeString(file, LocalProfileWriter.document(f, LocalProfileWriterTest.MACHINE, "2026-01-01", null).render());
        assertThat(ProfileLoader.load(file).hardware().hostEffects().consumerPerFetchNanos()).isZero();
    }
}
