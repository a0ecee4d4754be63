package io.tailsim.scenarios.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tailsim.models.report.ProducerGroupResult;
import io.tailsim.models.report.RunResult;

import java.util.List;

/** How a producer group batched and waited, pooled over replications. */
@JsonPropertyOrder({"producers", "recordsPerBatch", "batchesPerRequest", "produceRequestsPerSec",
        "metadataRequestsPerSec", "inFlightBlockedRatio", "bufferPoolWaitRatio", "flushRatio"})
public record ProducerGroupSummary(int producers, double recordsPerBatch, double batchesPerRequest,
                                   double produceRequestsPerSec, double metadataRequestsPerSec,
                                   double inFlightBlockedRatio, double bufferPoolWaitRatio, double flushRatio,
                                   double senderWakeupsPerSec, double senderCpuCores) {

    public static ProducerGroupSummary of(List<RunResult> reps, String group) {
        List<ProducerGroupResult> g = reps.stream().map(r -> r.producerGroups().get(group)).toList();
        return new ProducerGroupSummary(g.get(0).producers(),
                Estimate.of(g, ProducerGroupResult::recordsPerBatch).orNaN(),
                Estimate.of(g, ProducerGroupResult::batchesPerRequest).orNaN(),
                Estimate.of(g, ProducerGroupResult::produceRequestRate).orNaN(),
                Estimate.of(g, ProducerGroupResult::metadataRequestRate).orNaN(),
                Estimate.of(g, ProducerGroupResult::inFlightBlockedRatio).orNaN(),
                Estimate.of(g, ProducerGroupResult::bufferPoolWaitRatio).orNaN(),
                Estimate.of(g, ProducerGroupResult::flushRatio).orNaN(),
                Estimate.of(g, ProducerGroupResult::senderWakeupsPerSec).orNaN(),
                Estimate.of(g, ProducerGroupResult::senderCpuCores).orNaN());
    }
}
