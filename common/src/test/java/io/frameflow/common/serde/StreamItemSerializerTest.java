package io.frameflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.frameflow.common.DeadLetter;
import io.frameflow.common.StagedFrame;
import io.frameflow.common.StreamItem;
import io.frameflow.common.TimeSource;
import io.frameflow.common.VideoFrame;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.junit.jupiter.api.Test;

class StreamItemSerializerTest extends SerializerTestBase<StreamItem> {

    private static final VideoFrame FRAME =
            new VideoFrame(
                    "cam-3",
                    9,
                    900_000,
                    900,
                    TimeSource.MEDIA,
                    2,
                    1,
                    false,
                    new byte[] {1, 2, 3, 4, 5, 6});
    private static final VideoFrame UPSCALED =
            new VideoFrame("cam-3", 9, 900_000, 900, TimeSource.MEDIA, 4, 2, false, new byte[24]);

    @Override
    protected TypeSerializer<StreamItem> createSerializer() {
        return StreamItemSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<StreamItem> getTypeClass() {
        return StreamItem.class;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<StreamItem> serializer) {
        return true;
    }

    @Override
    protected StreamItem[] getTestData() {
        return new StreamItem[] {
            new VideoFrame("cam-1", 3, 300_000, 300, TimeSource.MEDIA, 1, 1, false, new byte[3]),
            new DeadLetter(
                    "cam-1",
                    DeadLetter.WHOLE_STREAM,
                    "open",
                    "cannot open /videos/x.avi: Invalid data found when processing input",
                    true,
                    1_763_800_000_000L),
            new DeadLetter("cam-2", 41, "decode", "x".repeat(70_000), false, 0),
            StagedFrame.of(FRAME),
            StagedFrame.of(FRAME)
                    .restored(UPSCALED, ResultSamples.applied())
                    .segmented(ResultSamples.segmentation())
                    .detected("nanodet-coco@3.0.4", ResultSamples.nested()),
            StagedFrame.of(FRAME).detected("nanodet-coco@3.0.4", List.of()),
        };
    }

    @Test
    void typeExtractionUsesOurSerializer() {
        assertThat(TypeInformation.of(StreamItem.class))
                .isEqualTo(StreamItemTypeInfoFactory.TYPE_INFO);
        assertThat(TypeInformation.of(DeadLetter.class))
                .isEqualTo(DeadLetterTypeInfoFactory.TYPE_INFO);
    }

    @Test
    void stagedFrameMapsImagePixelsToSourcePixels() {
        StagedFrame staged = StagedFrame.of(FRAME).restored(UPSCALED, ResultSamples.applied());
        assertThat(staged.scaleX()).isEqualTo(0.5f);
        assertThat(staged.scaleY()).isEqualTo(0.5f);
        assertThat(staged.models()).containsExactly("waifu2x-noise1@1.6.5");
        assertThat(staged.streamId()).isEqualTo("cam-3");
    }

    @Test
    void deadLetterDescribesItselfInOneLine() {
        assertThat(new DeadLetter("cam-1", 12, "decode", "packet corrupt", false, 0).describe())
                .isEqualTo("stream 'cam-1' frame 12 (decode): packet corrupt");
        assertThat(new DeadLetter("cam-1", -1, "open", "file not found", true, 0).describe())
                .isEqualTo("stream 'cam-1' (open): file not found");
    }
}
