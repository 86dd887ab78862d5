package io.frameflow.operators.stage;

import io.frameflow.common.Restoration;
import io.frameflow.common.StagedFrame;
import io.frameflow.common.VideoFrame;
import io.frameflow.inference.api.BgrImage;
import io.frameflow.inference.api.InferenceException;
import io.frameflow.inference.api.Predictor;
import io.frameflow.inference.api.RestoredImage;

/**
 * A restoration stage's model: its output picture becomes the staged frame's image (the source
 * frame stays as it was, for the result's identity and coordinates).
 */
final class RestoreModel extends WholeFrameModel<RestoredImage> {

    RestoreModel(Predictor<BgrImage, RestoredImage> predictor) {
        super(predictor);
    }

    @Override
    StagedFrame apply(StagedFrame frame, BgrImage input, RestoredImage restored) {
        if (restored == null) {
            throw new InferenceException("model " + modelId() + " returned no picture for a frame");
        }
        Restoration report =
                new Restoration(
                        modelId(),
                        restored.applied(),
                        restored.psnr(),
                        restored.ssim(),
                        restored.estimate());
        BgrImage picture = restored.image();
        if (picture.bgr() == input.bgr()) {
            // the gate let the frame through unchanged: keep the same frame object
            return frame.restored(frame.image(), report);
        }
        VideoFrame image = frame.image();
        VideoFrame replacement =
                new VideoFrame(
                        image.streamId(),
                        image.seq(),
                        image.ptsMicros(),
                        image.captureTimeMillis(),
                        image.timeSource(),
                        picture.width(),
                        picture.height(),
                        image.damaged(),
                        picture.bgr());
        return frame.restored(replacement, report);
    }
}
