package io.frameflow.operators.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.FrameResult;
import io.frameflow.common.StreamItem;
import io.frameflow.common.serde.DeadLetterTypeInfoFactory;
import io.frameflow.common.serde.FrameResultTypeInfoFactory;
import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import io.frameflow.operators.batch.BatchOptions;
import java.util.List;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** How {@link DetectionStage} puts the operator into a job. */
class DetectionStageTest {

    @Test
    void theStageHasAStableUidItsNameAndTypedOutputs() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        SingleOutputStreamOperator<FrameResult> stage =
                DetectionStage.apply(
                        source(env),
                        FakeDetectorFactory.working(),
                        BatchOptions.defaults(),
                        "cars");

        assertThat(stage.getName()).isEqualTo("cars");
        assertThat(stage.getTransformation().getUid()).isEqualTo("frameflow-detect-cars");
        assertThat(DetectionStage.uid("cars")).isEqualTo("frameflow-detect-cars");
        assertThat(stage.getType()).isEqualTo(FrameResultTypeInfoFactory.TYPE_INFO);
        DataStream<DeadLetter> deadLetters = DetectionStage.deadLetters(stage);
        assertThat(deadLetters.getType()).isEqualTo(DeadLetterTypeInfoFactory.TYPE_INFO);
    }

    @Test
    void theSourceTheStageAndItsSinksRunAsOneTask() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        SingleOutputStreamOperator<FrameResult> stage =
                DetectionStage.apply(
                        source(env),
                        FakeDetectorFactory.working(),
                        BatchOptions.defaults(),
                        "detect");
        stage.sinkTo(new DiscardingSink<>());
        DetectionStage.deadLetters(stage).sinkTo(new DiscardingSink<>());

        JobGraph graph = env.getStreamGraph().getJobGraph();

        List<JobVertex> vertices = graph.getVerticesSortedTopologicallyFromSources();
        assertThat(vertices).hasSize(1);
        assertThat(vertices.get(0).getName()).contains("Source").contains("detect");
        assertThat(vertices.get(0).getParallelism()).isEqualTo(2);
    }

    @Test
    void rejectsABlankName() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(
                        () ->
                                DetectionStage.apply(
                                        source(env),
                                        FakeDetectorFactory.working(),
                                        BatchOptions.defaults(),
                                        " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detection stage name must be a non-blank string, got ' '");
    }

    /** A source with the environment's parallelism ({@code fromData} alone would have 1). */
    private static DataStream<StreamItem> source(StreamExecutionEnvironment env) {
        return env.fromData(
                        List.<StreamItem>of(TestFrames.frame("cam", 0, 10)),
                        StreamItemTypeInfoFactory.TYPE_INFO)
                .setParallelism(env.getParallelism());
    }
}
