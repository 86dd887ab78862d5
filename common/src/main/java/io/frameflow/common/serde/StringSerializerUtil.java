package io.frameflow.common.serde;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Strings of any length (DataOutput#writeUTF stops at 64 KB). */
final class StringSerializerUtil {
    private StringSerializerUtil() {}

    static void writeLong(String s, DataOutputView out) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readLong(DataInputView in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
