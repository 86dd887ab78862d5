package io.frameflow.ingest.ffmpeg;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded pictures to packed BGR24 through one reused native buffer, then copies them into
 * a new {@code byte[]} that the frame owns (downstream stages batch frames, so a shared array would
 * be overwritten under them). The only native allocations happen when the picture size changes.
 */
final class BgrConverter implements AutoCloseable {
    private final PointerPointer<BytePointer> dstData = new PointerPointer<>(4);
    private final IntPointer dstLinesize = new IntPointer(4);
    private SwsContext sws;
    private BytePointer buffer;
    private long bufferSize;

    /** The picture in {@code frame} as packed BGR24, in a new array. */
    byte[] convert(AVFrame frame) throws FFmpegException {
        int w = frame.width();
        int h = frame.height();
        int format = frame.format();
        sws =
                sws_getCachedContext(
                        sws,
                        w,
                        h,
                        format,
                        w,
                        h,
                        AV_PIX_FMT_BGR24,
                        SWS_BILINEAR,
                        null,
                        null,
                        (DoublePointer) null);
        if (sws == null) {
            BytePointer name = av_get_pix_fmt_name(format);
            throw new FFmpegException(
                    "cannot convert "
                            + (name == null ? "pixel format " + format : name.getString())
                            + " "
                            + w
                            + "x"
                            + h
                            + " to BGR24",
                    0);
        }
        long size = 3L * w * h;
        ensureBuffer(size);
        dstData.put(0, buffer);
        dstLinesize.put(0, 3 * w);
        sws_scale(sws, frame.data(), frame.linesize(), 0, h, dstData, dstLinesize);
        byte[] bgr = new byte[(int) size];
        buffer.position(0).get(bgr);
        return bgr;
    }

    private void ensureBuffer(long size) {
        if (buffer != null && bufferSize >= size) {
            return;
        }
        freeBuffer();
        buffer = new BytePointer(av_malloc(size)).capacity(size);
        if (buffer.isNull()) {
            throw new OutOfMemoryError("cannot allocate " + size + " bytes for a BGR24 picture");
        }
        bufferSize = size;
    }

    private void freeBuffer() {
        if (buffer != null) {
            av_free(buffer);
            buffer = null;
            bufferSize = 0;
        }
    }

    @Override
    public void close() {
        freeBuffer();
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        dstData.close();
        dstLinesize.close();
    }
}
