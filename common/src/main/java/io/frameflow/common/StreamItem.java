package io.frameflow.common;

import io.frameflow.common.serde.StreamItemTypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What a video source emits: a decoded {@link VideoFrame}, or a {@link DeadLetter} for input it
 * could not turn into a frame (an undecodable packet, a stream that cannot be opened). Dead letters
 * travel in-band so that they reach the dead-letter output in order with the frames around them.
 * Between chained model stages a frame travels as a {@link StagedFrame}, with the results so far.
 */
@TypeInfo(StreamItemTypeInfoFactory.class)
public sealed interface StreamItem permits VideoFrame, StagedFrame, DeadLetter {

    /** The stream this item belongs to. */
    String streamId();
}
