package io.frameflow.it.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module table of the design brief (docs/architecture.md), enforced on the production classes
 * of every module: which module may use which, that only {@code ingest} and the annotated-video
 * sink ({@code sinks.video}) touch FFmpeg, only {@code inference} touches ONNX Runtime, and only
 * its {@code trt} package touches TensorRT and CUDA. A rule that matches no class fails too, so a
 * renamed package cannot make a rule pass by accident.
 */
class ModuleBoundariesTest {
    private static final String COMMON = "io.frameflow.common..";
    private static final String INGEST = "io.frameflow.ingest..";
    private static final String INFERENCE = "io.frameflow.inference..";
    private static final String OPERATORS = "io.frameflow.operators..";
    private static final String SINKS = "io.frameflow.sinks..";
    // the annotated-video sink encodes with FFmpeg; the other sinks must not
    private static final String VIDEO_SINK = "io.frameflow.sinks.video..";
    private static final String JOBS = "io.frameflow.jobs..";
    private static final String IT = "io.frameflow.it..";
    private static final String FLINK = "org.apache.flink..";
    // JavaCPP itself (org.bytedeco.javacpp) is shared by the FFmpeg and TensorRT bindings.
    private static final String[] FFMPEG = {"org.bytedeco.ffmpeg..", "org.bytedeco.javacv.."};
    private static final String[] TENSORRT = {"org.bytedeco.tensorrt..", "org.bytedeco.cuda.."};
    private static final String TRT_PACKAGE = "io.frameflow.inference.trt..";
    private static final String ONNX_RUNTIME = "ai.onnxruntime..";
    private static final String KAFKA = "org.apache.kafka..";

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.frameflow");
    }

    /** The packages of {@code group} followed by {@code more}. */
    private static String[] packages(String[] group, String... more) {
        String[] all = new String[group.length + more.length];
        System.arraycopy(group, 0, all, 0, group.length);
        System.arraycopy(more, 0, all, group.length, more.length);
        return all;
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void commonDependsOnFlinkCoreOnly() {
        check(
                noClasses()
                        .that()
                        .resideInAPackage(COMMON)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                packages(
                                        FFMPEG,
                                        INGEST,
                                        INFERENCE,
                                        OPERATORS,
                                        SINKS,
                                        JOBS,
                                        IT,
                                        ONNX_RUNTIME,
                                        KAFKA,
                                        "org.apache.flink.streaming..",
                                        "org.apache.flink.runtime..",
                                        "org.apache.flink.connector..")));
    }

    @Test
    void inferenceIsPlainJava() {
        check(
                noClasses()
                        .that()
                        .resideInAPackage(INFERENCE)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                packages(
                                        FFMPEG, COMMON, INGEST, OPERATORS, SINKS, JOBS, IT, FLINK,
                                        KAFKA)));
    }

    @Test
    void ingestDependsOnCommonOnly() {
        check(
                noClasses()
                        .that()
                        .resideInAPackage(INGEST)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(INFERENCE, OPERATORS, SINKS, JOBS, IT, ONNX_RUNTIME));
    }

    @Test
    void operatorsDependOnCommonAndInference() {
        check(
                noClasses()
                        .that()
                        .resideInAPackage(OPERATORS)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                packages(FFMPEG, INGEST, SINKS, JOBS, IT, ONNX_RUNTIME, KAFKA)));
    }

    @Test
    void sinksDependOnCommonOnly() {
        check(
                noClasses()
                        .that()
                        .resideInAPackage(SINKS)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(INGEST, INFERENCE, OPERATORS, JOBS, IT, ONNX_RUNTIME));
    }

    @Test
    void onlyTheVideoSinkOfTheSinksTouchesFfmpeg() {
        check(
                noClasses()
                        .that()
                        .resideInAPackage(SINKS)
                        .and()
                        .resideOutsideOfPackage(VIDEO_SINK)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(FFMPEG));
    }

    /**
     * The exemption names a real package: if {@code sinks.video} were renamed, this rule would
     * match no class and fail, instead of the exemption silently covering nothing.
     */
    @Test
    void theVideoSinkUsesFfmpegThroughNoOtherModule() {
        check(videoSinkRule());
    }

    private static ArchRule videoSinkRule() {
        return noClasses()
                .that()
                .resideInAPackage(VIDEO_SINK)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INGEST, INFERENCE, OPERATORS, JOBS, IT, ONNX_RUNTIME, KAFKA);
    }

    @Test
    void theVideoSinkRuleFailsWhenItsPackageIsGone() {
        JavaClasses withoutVideo =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.frameflow.sinks.file");
        assertThatThrownBy(() -> videoSinkRule().check(withoutVideo))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void onlyIngestAndTheVideoSinkTouchFfmpeg() {
        check(
                noClasses()
                        .that()
                        .resideOutsideOfPackages(INGEST, VIDEO_SINK)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(FFMPEG));
    }

    @Test
    void onlyTheTensorRtPackageTouchesTensorRtAndCuda() {
        check(
                noClasses()
                        .that()
                        .resideOutsideOfPackage(TRT_PACKAGE)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(TENSORRT));
    }

    @Test
    void onlyInferenceTouchesOnnxRuntime() {
        check(
                noClasses()
                        .that()
                        .resideOutsideOfPackage(INFERENCE)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(ONNX_RUNTIME));
    }

    @Test
    void theHarnessDoesNotDependOnThePipeline() {
        check(
                noClasses()
                        .that()
                        .resideInAPackage(IT)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(COMMON, INGEST, INFERENCE, OPERATORS, SINKS, JOBS));
    }
}
