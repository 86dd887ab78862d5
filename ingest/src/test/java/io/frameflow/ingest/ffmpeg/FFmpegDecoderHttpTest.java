package io.frameflow.ingest.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.frameflow.ingest.ffmpeg.DecodeEvent.DecodedFrame;
import io.frameflow.ingest.testing.TestClips;
import io.frameflow.ingest.uri.StreamUri;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip served over HTTP by a real server (the JDK's) decodes like the file it came from. */
class FFmpegDecoderHttpTest {
    @TempDir Path dir;

    @Test
    void everyFrameOfAClipServedOverHttpDecodesExactly() throws Exception {
        int frames = 30;
        byte[] clip =
                Files.readAllBytes(
                        TestClips.write(
                                dir.resolve("clip.avi"), TestClips.Codec.FFV1, frames, 64, 48));
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/clips/clip.avi",
                exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "video/x-msvideo");
                    exchange.sendResponseHeaders(200, clip.length);
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(clip);
                    }
                });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/clips/clip.avi";
        try (FFmpegDecoder decoder =
                new FFmpegDecoder(StreamUri.parse(url), DecoderOptions.defaults())) {
            StreamInfo info = decoder.open();
            assertThat(info.width()).isEqualTo(64);
            assertThat(info.height()).isEqualTo(48);
            int decoded = 0;
            for (DecodeEvent e = decoder.next();
                    e != DecodeEvent.Signal.END_OF_STREAM;
                    e = decoder.next()) {
                assertThat(e).isInstanceOf(DecodedFrame.class);
                DecodedFrame frame = (DecodedFrame) e;
                assertThat(frame.bgr()).isEqualTo(TestClips.pixels(decoded, 64, 48));
                assertThat(frame.ptsMicros()).isEqualTo(decoded * TestClips.FRAME_MICROS);
                assertThat(frame.damaged()).isFalse();
                decoded++;
            }
            assertThat(decoded).isEqualTo(frames);
        } finally {
            server.stop(0);
        }
    }
}
