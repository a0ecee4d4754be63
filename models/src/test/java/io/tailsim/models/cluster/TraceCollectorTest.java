package io.tailsim.models.cluster;

import io.tailsim.models.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tailsim.core.time.Time.MILLISECOND;
import static org.assertj.core.api.Assertions.assertThat;

class TraceCollectorTest {
    @Test
    void followsSampledRecordsThroughEveryStage() {
        ClusterModel m = new ClusterModel(Fixtures.blog(9, 5 * MILLISECOND, 16_384, 0.6, 0.1), 3);
        TraceCollector t = TraceCollector.attach(m, 997, 20);
        m.run();
        assertThat(t.timelines()).hasSizeGreaterThanOrEqualTo(10);
        for (TraceCollector.Timeline tl : t.timelines()) {
            List<String> what = tl.stages().stream().map(TraceCollector.Stage::what).toList();
            assertThat(what.get(0)).isEqualTo("send()");
            assertThat(what).anyMatch(s -> s.startsWith("drained; request sent"))
                    .contains("request read (received)", "dequeued by handler", "committed (high watermark passed)",
                            "response ready", "response sent", "acknowledged")
                    .anyMatch(s -> s.startsWith("appended at offset"));
            assertThat(what.stream().filter("replicated"::equals).count()).isEqualTo(2);
            for (int i = 1; i < tl.stages().size(); i++) {
                assertThat(tl.stages().get(i).atNanos()).isGreaterThanOrEqualTo(tl.stages().get(i - 1).atNanos());
            }
            assertThat(tl.format()).contains("acknowledged");
        }
    }
}
