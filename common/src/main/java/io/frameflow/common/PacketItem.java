package io.frameflow.common;

import io.frameflow.common.serde.PacketItemTypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * What a source of encoded video emits before decoding: an {@link EncodedPacket}, or a {@link
 * DeadLetter} for a record that could not be read as one (no key, a malformed header). Dead letters
 * travel in-band, in order with the packets around them.
 */
@TypeInfo(PacketItemTypeInfoFactory.class)
public sealed interface PacketItem permits EncodedPacket, DeadLetter {

    /** The stream this item belongs to. */
    String streamId();
}
