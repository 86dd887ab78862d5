package io.frameflow.operators.detect;

import static io.frameflow.operators.detect.TestFrames.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.operators.batch.BatchOptions;
import io.frameflow.operators.stage.ModelStageOperator;
import io.frameflow.operators.stage.StageMetrics;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.junit.jupiter.api.Test;

/** The metrics and the progress accumulator of the detection stage. */
class DetectionMetricsTest {

    @Test
    void countsFramesBatchesDeadLettersAndAnalysedFrames() throws Exception {
        var taskGroup = new InterceptingTaskMetricGroup();
        var detector = FakeDetectorFactory.rejecting(12);
        try (MockEnvironment environment =
                        new MockEnvironmentBuilder().setMetricGroup(taskGroup).build();
                var harness =
                        Harnesses.open(
                                detector,
                                new BatchOptions(3, Duration.ofSeconds(10)),
                                environment)) {
            var metrics = taskGroup.operatorGroup;
            harness.processElement(frame("cam-a", 0, 10), 0);
            harness.processElement(TestFrames.decodeError("cam-a", 1), 1);
            harness.processElement(frame("cam-a", 2, 12), 2);
            assertThat(gauge(metrics, StageMetrics.BUFFERED_FRAMES)).isEqualTo(2);

            harness.processElement(frame("cam-a", 3, 13), 3);
            harness.processElement(frame("cam-b", 0, 20), 0);
            harness.endInput();

            assertThat(counter(metrics, StageMetrics.FRAMES_IN)).isEqualTo(4);
            assertThat(counter(metrics, StageMetrics.FRAMES_OUT)).isEqualTo(3);
            assertThat(counter(metrics, StageMetrics.FRAMES_REJECTED)).isEqualTo(1);
            assertThat(counter(metrics, StageMetrics.DEAD_LETTERS)).isEqualTo(2);
            assertThat(gauge(metrics, StageMetrics.BUFFERED_FRAMES)).isEqualTo(0);

            Histogram batchSize = (Histogram) metrics.get(StageMetrics.BATCH_SIZE);
            assertThat(batchSize.getCount()).isEqualTo(2);
            assertThat(batchSize.getStatistics().getValues()).containsExactlyInAnyOrder(3, 1);
            Histogram time = (Histogram) metrics.get(StageMetrics.INFERENCE_TIME_MICROS);
            assertThat(time.getCount()).isEqualTo(2);
            assertThat(time.getStatistics().getMin()).isNotNegative();

            Map<String, Accumulator<?, ?>> accumulators =
                    environment.getAccumulatorRegistry().getUserMap();
            assertThat(accumulators.get(ModelStageOperator.FRAMES_ANALYSED_ACCUMULATOR))
                    .extracting(Accumulator::getLocalValue)
                    .isEqualTo(3L);
        }
    }

    @Test
    void theAccumulatorHasTheNameTheCommandLinePolls() {
        assertThat(ModelStageOperator.FRAMES_ANALYSED_ACCUMULATOR)
                .isEqualTo("frameflow-frames-analysed");
    }

    private static long counter(InterceptingOperatorMetricGroup group, String name) {
        return ((Counter) group.get(name)).getCount();
    }

    private static Object gauge(InterceptingOperatorMetricGroup group, String name) {
        return ((Gauge<?>) group.get(name)).getValue();
    }

    /** Hands the operator a metric group that remembers what was registered on it. */
    private static final class InterceptingTaskMetricGroup
            extends UnregisteredMetricGroups.UnregisteredTaskMetricGroup {
        final InterceptingOperatorMetricGroup operatorGroup = new InterceptingOperatorMetricGroup();

        @Override
        public InternalOperatorMetricGroup getOrAddOperator(
                OperatorID operatorId, String name, Map<String, String> additionalVariables) {
            return operatorGroup;
        }
    }
}
