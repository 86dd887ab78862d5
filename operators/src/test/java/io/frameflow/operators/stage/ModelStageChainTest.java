package io.frameflow.operators.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.Outline;
import io.frameflow.common.SegmentedArea;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.RestoredImage;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.operators.batch.BatchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chains of restore, segment and detect stages over real ONNX Runtime predictors of tiny models
 * ({@link TinyModels}): a 16x16 picture with a red square (the "person") at x 4..7, y 8..11 and a
 * green patch (the "face") at x 5..6, y 9..10 inside it.
 */
class ModelStageChainTest {

    private static final int SIDE = 16;
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final Detection PERSON = new Detection("person", 2, 0.9f, 4, 8, 8, 12);
    private static final Detection FACE = new Detection("face", 1, 0.9f, 5, 9, 7, 11);

    @TempDir static Path dir;
    private static Path threshold;
    private static Path upscale;

    @BeforeAll
    static void models() {
        threshold = TinyModels.threshold(dir);
        upscale = TinyModels.upscale2(dir);
    }

    private static RestoreStage restore(String name, BatchOptions batch) {
        TinyModelFactory<BgrImage, RestoredImage> factory =
                new TinyModelFactory<>(
                        "upscale2@1", upscale, 8, () -> new GridTranslators.Upscale(SIDE));
        return new RestoreStage(name, factory, batch);
    }

    private static SegmentStage segment(String name, BatchOptions batch) {
        TinyModelFactory<BgrImage, Segmentation> factory =
                new TinyModelFactory<>(
                        "red-mask@1", threshold, 8, () -> new GridTranslators.Mask(SIDE, 2, "red"));
        return new SegmentStage(name, factory, batch);
    }

    private static DetectStage persons(BatchOptions batch) {
        TinyModelFactory<BgrImage, List<DetectedObject>> factory =
                new TinyModelFactory<>(
                        "person-blob@1",
                        threshold,
                        8,
                        () -> new GridTranslators.Blob(SIDE, 2, "person"));
        return DetectStage.primary("detect", factory, batch);
    }

    private static DetectStage faces(BatchOptions batch, double padding) {
        TinyModelFactory<BgrImage, List<DetectedObject>> factory =
                new TinyModelFactory<>(
                        "face-blob@1",
                        threshold,
                        4,
                        () -> new GridTranslators.Blob(SIDE, 1, "face"));
        return new DetectStage("faces", factory, batch, Set.of("person"), padding);
    }

    static VideoFrame picture(String stream, long seq) {
        byte[] bgr = new byte[SIDE * SIDE * 3];
        for (int y = 8; y < 12; y++) {
            for (int x = 4; x < 8; x++) {
                bgr[(y * SIDE + x) * 3 + 2] = (byte) 255;
                if (x >= 5 && x < 7 && y >= 9 && y < 11) {
                    bgr[(y * SIDE + x) * 3 + 1] = (byte) 255;
                }
            }
        }
        return new VideoFrame(
                stream, seq, seq * 40_000, seq * 40, TimeSource.MEDIA, SIDE, SIDE, false, bgr);
    }

    private static VideoFrame unreadable(String stream, long seq) {
        VideoFrame frame = picture(stream, seq);
        byte[] bgr = frame.bgr().clone();
        bgr[0] = GridTranslators.UNREADABLE;
        return new VideoFrame(
                stream,
                seq,
                frame.ptsMicros(),
                frame.captureTimeMillis(),
                TimeSource.MEDIA,
                SIDE,
                SIDE,
                false,
                bgr);
    }

    private static BatchOptions now() {
        return new BatchOptions(1, Duration.ZERO);
    }

    @Test
    void stagesRunInTheListedOrderAndTheModelNamesThemAll() throws Exception {
        try (ChainHarness chain =
                new ChainHarness(
                        List.of(
                                restore("restore", now()),
                                segment("segment", now()),
                                persons(now())))) {
            chain.process(picture("cam", 0), 0);
            FrameResult result = chain.results().get(0);
            assertThat(result.model()).isEqualTo("upscale2@1>red-mask@1>person-blob@1");
            assertThat(result.restoration().applied()).isTrue();
            assertThat(result.restoration().model()).isEqualTo("upscale2@1");
            assertThat(result.segmentation().model()).isEqualTo("red-mask@1");
            assertThat(result.detections()).containsExactly(PERSON);
        }
        try (ChainHarness chain =
                new ChainHarness(List.of(persons(now()), segment("segment", now())))) {
            chain.process(picture("cam", 0), 0);
            FrameResult result = chain.results().get(0);
            assertThat(result.model()).isEqualTo("person-blob@1>red-mask@1");
            assertThat(result.restoration()).isNull();
            assertThat(result.detections()).containsExactly(PERSON);
        }
    }

    @Test
    void anAnnotatingChainHandsEachResultOnWithItsSourceFrame() throws Exception {
        try (ChainHarness chain =
                new ChainHarness(List.of(restore("restore", now()), persons(now())), true)) {
            VideoFrame first = picture("cam", 0);
            VideoFrame second = picture("cam", 1);
            chain.process(first, 0);
            chain.process(second, 40);
            List<FrameResult> results = chain.results();
            var annotated = chain.annotated();
            assertThat(annotated).hasSize(2);
            // the source frame itself, not the restored (upscaled) one, and the very result
            assertThat(annotated.get(0).getValue().frame()).isSameAs(first);
            assertThat(annotated.get(1).getValue().frame()).isSameAs(second);
            assertThat(annotated.get(0).getValue().result()).isSameAs(results.get(0));
            assertThat(annotated.get(1).getValue().result().detections()).containsExactly(PERSON);
            assertThat(annotated.get(1).getTimestamp()).isEqualTo(40);
        }
        try (ChainHarness plain = new ChainHarness(List.of(persons(now())))) {
            plain.process(picture("cam", 0), 0);
            assertThat(plain.annotated()).isEmpty();
        }
    }

    @Test
    void boxesAndOutlinesStayInSourcePixelsAfterAnUpscalingRestore() throws Exception {
        try (ChainHarness plain =
                        new ChainHarness(List.of(segment("segment", now()), persons(now())));
                ChainHarness upscaled =
                        new ChainHarness(
                                List.of(
                                        restore("restore", now()),
                                        segment("segment", now()),
                                        persons(now())))) {
            plain.process(picture("cam", 0), 0);
            upscaled.process(picture("cam", 0), 0);
            FrameResult a = plain.results().get(0);
            FrameResult b = upscaled.results().get(0);
            assertThat(b.width()).isEqualTo(SIDE);
            assertThat(b.detections()).isEqualTo(a.detections()).containsExactly(PERSON);
            SegmentedArea red = b.segmentation().classes().get(0);
            assertThat(red.polygons())
                    .containsExactly(new Outline(new float[] {4, 8, 8, 8, 8, 12, 4, 12}));
            assertThat(red.polygons()).isEqualTo(a.segmentation().classes().get(0).polygons());
            assertThat(red.areaFraction()).isEqualTo(16.0 / (SIDE * SIDE));
        }
    }

    @Test
    void aSecondaryStageNestsWhatItFindsInCropsUnderTheParent() throws Exception {
        BatchOptions four = new BatchOptions(4, LONG);
        try (ChainHarness chain =
                new ChainHarness(
                        List.of(restore("restore", four), persons(four), faces(four, 0)))) {
            for (int seq = 0; seq < 4; seq++) {
                chain.process(picture("cam-" + (seq % 2), seq), seq);
            }
            List<FrameResult> results = chain.results();
            assertThat(results).hasSize(4);
            for (FrameResult result : results) {
                assertThat(result.model()).isEqualTo("upscale2@1>person-blob@1>face-blob@1");
                assertThat(result.detections())
                        .containsExactly(PERSON.withMoreChildren(List.of(FACE)));
            }
        }
    }

    @Test
    void cropPaddingWidensTheCropButNotTheChildBox() throws Exception {
        try (ChainHarness chain = new ChainHarness(List.of(persons(now()), faces(now(), 0.5)))) {
            chain.process(picture("cam", 0), 0);
            assertThat(chain.results().get(0).detections().get(0).children()).containsExactly(FACE);
        }
    }

    @Test
    void aBarrierFlushesEveryStageInChainOrder() throws Exception {
        BatchOptions waiting = new BatchOptions(8, LONG);
        try (ChainHarness chain =
                new ChainHarness(
                        List.of(
                                restore("restore", waiting),
                                segment("segment", waiting),
                                persons(waiting)))) {
            for (int seq = 0; seq < 3; seq++) {
                chain.process(picture("cam", seq), seq);
            }
            chain.watermark(2);
            assertThat(chain.results()).isEmpty();
            assertThat(chain.watermarks()).isEmpty();

            chain.barrier(1);

            assertThat(chain.results()).extracting(FrameResult::seq).containsExactly(0L, 1L, 2L);
            // the watermark follows the results it was held behind
            assertThat(chain.watermarks()).containsExactly(2L);
        }
    }

    @Test
    void endOfInputFlushesEveryStage() throws Exception {
        BatchOptions waiting = new BatchOptions(8, LONG);
        try (ChainHarness chain =
                new ChainHarness(List.of(restore("restore", waiting), persons(waiting)))) {
            chain.process(picture("a", 0), 0);
            chain.process(picture("b", 0), 1);
            assertThat(chain.results()).isEmpty();
            chain.endInput();
            assertThat(chain.results()).extracting(FrameResult::streamId).containsExactly("a", "b");
        }
    }

    @Test
    void aRejectedFrameBecomesADeadLetterOfItsStageAndTheOthersGoOn() throws Exception {
        BatchOptions three = new BatchOptions(3, LONG);
        try (ChainHarness chain =
                new ChainHarness(List.of(restore("denoise", three), persons(three)))) {
            chain.process(picture("cam", 0), 0);
            chain.process(unreadable("cam", 1), 1);
            chain.process(picture("cam", 2), 2);
            chain.endInput();
            assertThat(chain.results()).extracting(FrameResult::seq).containsExactly(0L, 2L);
            List<DeadLetter> dead = chain.deadLetters();
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).stage()).isEqualTo("denoise");
            assertThat(dead.get(0).seq()).isEqualTo(1);
            assertThat(dead.get(0).fatal()).isFalse();
            assertThat(dead.get(0).reason()).contains("cannot read a 16x16 picture");
        }
    }

    @Test
    void aSourceDeadLetterPassesThroughTheFirstStage() throws Exception {
        try (ChainHarness chain =
                new ChainHarness(List.of(segment("segment", now()), persons(now())))) {
            chain.process(new DeadLetter("cam", 5, "decode", "corrupt packet", false, 1), 0);
            assertThat(chain.deadLetters()).extracting(DeadLetter::stage).containsExactly("decode");
            assertThat(chain.results()).isEmpty();
        }
    }

    @Test
    void chainRulesNameTheOffendingStage() {
        assertThatThrownBy(() -> ModelStages.check(List.of(faces(now(), 0))))
                .hasMessageContaining("detect stage 'faces'")
                .hasMessageContaining("no detect stage without 'on' comes before it");
        assertThatThrownBy(
                        () -> ModelStages.check(List.of(restore("a", now()), restore("b", now()))))
                .hasMessageContaining("restore stage 'b': a chain has at most one restore stage");
        assertThatThrownBy(
                        () -> ModelStages.check(List.of(segment("x", now()), restore("x", now()))))
                .hasMessageContaining("same name");
    }
}
