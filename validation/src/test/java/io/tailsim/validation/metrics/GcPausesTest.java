package io.tailsim.validation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcPausesTest {
    /** Lines as a Kafka 4.4 broker's G1 writes them here (-Xlog:gc*:file=gc.log:time,tags). */
    static final List<String> LOG = List.of(
            "[2026-12-06T04:26:19.900+0000][gc,init     ] Heap Region Size: 1M",
            "[2026-12-06T04:26:21.026+0000][gc,start    ] GC(0) Pause Young (Normal) (G1 Evacuation Pause)",
            "[2026-12-06T04:26:21.049+0000][gc,phases   ] GC(0)   Evacuate Collection Set: 20.1ms",
            "[2026-12-06T04:26:21.049+0000][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 52M->9M(1024M) 22.995ms",
            "[2026-12-06T04:26:21.049+0000][gc,cpu      ] GC(0) User=0.03s Sys=0.00s Real=0.02s",
            "[2026-12-06T04:26:21.409+0000][gc          ] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 21M->10M(1024M) 26.957ms",
            "[2026-12-06T04:26:21.410+0000][gc          ] GC(2) Concurrent Mark Cycle",
            "[2026-12-06T04:26:21.428+0000][gc          ] GC(2) Pause Remark 11M->11M(1024M) 1.961ms",
            "[2026-12-06T04:26:21.437+0000][gc          ] GC(2) Pause Cleanup 11M->11M(1024M) 0.072ms",
            "[2026-12-06T04:26:21.500+0000][gc          ] GC(2) Concurrent Mark Cycle 90.123ms",
            "[2026-12-06T04:27:03.000+0000][gc          ] GC(3) Pause Full (System.gc()) 300M->120M(1024M) 121.5ms");

    static long at(String time) {
        return OffsetDateTime.parse(time).toInstant().toEpochMilli();
    }

    @Test
    void readsEveryStopTheWorldPauseAndNothingElse() {
        List<GcPauses.Pause> p = GcPauses.parse(LOG.stream());
        // the concurrent cycle's length is not a pause; the start lines and phases carry no length
        assertThat(p).extracting(GcPauses.Pause::ms).containsExactly(22.995, 26.957, 1.961, 0.072, 121.5);
        assertThat(p.get(0).endEpochMs()).isEqualTo(at("2026-12-06T04:26:21.049Z"));
    }

    @Test
    void keepsThePausesThatEndedInTheWindowFromEveryNodeAndRotatedFile(@TempDir Path dir) throws IOException {
        Path n1 = Files.createDirectories(dir.resolve("node-1"));
        Path n2 = Files.createDirectories(dir.resolve("node-2"));
        Files.write(n1.resolve("gc.log"), LOG);
        Files.write(n2.resolve("gc.log.0"), LOG.subList(0, 5));
        Files.write(n2.resolve("gc.log"), LOG.subList(5, LOG.size()));
        Files.writeString(n2.resolve("server.log"), "[2026-12-06T04:26:21.409+0000][gc          ] GC(9) Pause Young 1M->1M(1M) 9.0ms\n");
        long from = at("2026-12-06T04:26:21.040Z");
        long to = at("2026-12-06T04:26:21.430Z");
        List<Double> ms = GcPauses.inWindow(List.of(n1, n2, dir.resolve("node-3")), from, to);
        // node 1: GC(0), GC(1), Remark; node 2 the same across its two files; the Cleanup and the Full GC fall outside
        assertThat(ms).containsExactlyInAnyOrder(22.995, 26.957, 1.961, 22.995, 26.957, 1.961);
        assertThat(GcPauses.parse(Stream.of("[12.345s][info][gc] GC(4) Pause Young (Normal) 5M->1M(10M) 3.000ms"))).isEmpty();
    }
}
