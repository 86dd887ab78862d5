package io.frameflow.ingest.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StreamUriTest {

    @Test
    void plainPathIsALocalFileGivenToFFmpegWithTheFileProtocol() {
        StreamUri u = StreamUri.parse("/data/clips/a:b.avi");
        assertThat(u.kind()).isEqualTo(StreamUri.Kind.FILE);
        assertThat(u.isLocalFile()).isTrue();
        assertThat(u.ffmpegUrl()).isEqualTo("file:/data/clips/a:b.avi");
    }

    @Test
    void relativePathBecomesAbsolute() {
        StreamUri u = StreamUri.parse("clips/a.avi");
        assertThat(u.ffmpegUrl()).isEqualTo("file:" + Path.of("clips/a.avi").toAbsolutePath());
    }

    @Test
    void fileUriIsDecoded() {
        StreamUri u = StreamUri.parse("file:///data/my%20clips/a.avi");
        assertThat(u.kind()).isEqualTo(StreamUri.Kind.FILE);
        assertThat(u.ffmpegUrl()).isEqualTo("file:/data/my clips/a.avi");
    }

    @Test
    void networkSchemesAreLiveAndKeepTheirUrl() {
        assertThat(StreamUri.parse("rtsp://u:p@cam/live").kind()).isEqualTo(StreamUri.Kind.RTSP);
        assertThat(StreamUri.parse("RTSPS://cam/live").kind()).isEqualTo(StreamUri.Kind.RTSP);
        assertThat(StreamUri.parse("http://host/a.mjpg").kind()).isEqualTo(StreamUri.Kind.HTTP);
        StreamUri https = StreamUri.parse("https://u:p@host/a.ts");
        assertThat(https.kind()).isEqualTo(StreamUri.Kind.HTTP);
        assertThat(https.isLocalFile()).isFalse();
        assertThat(https.ffmpegUrl()).isEqualTo("https://u:p@host/a.ts");
    }

    @Test
    void printsOnlyTheRedactedForm() {
        StreamUri u = StreamUri.parse("rtsp://admin:hunter2@cam/live");
        assertThat(u.redacted()).isEqualTo("rtsp://admin:***@cam/live");
        assertThat(u).hasToString("rtsp://admin:***@cam/live");
    }

    @Test
    void rejectsEmptyAndUnsupportedLocations() {
        assertThatThrownBy(() -> StreamUri.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the URI is empty; expected a file path, file:, rtsp://, rtsps://, http://"
                                + " or https://");
        assertThatThrownBy(() -> StreamUri.parse("ftp://bob:pw@host/a.avi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unsupported scheme 'ftp' in 'ftp://bob:***@host/a.avi'; expected a file"
                                + " path, file:, rtsp://, rtsps://, http:// or https://");
        assertThatThrownBy(() -> StreamUri.parse("file://server/share/a.avi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid file URI 'file://server/share/a.avi': ");
    }

    @Test
    void localPathIsTheAbsolutePathOfAFileOnly() {
        java.nio.file.Path abs = java.nio.file.Path.of("/videos/a b.avi");
        assertThat(StreamUri.parse("/videos/a b.avi").localPath()).isEqualTo(abs);
        assertThat(StreamUri.parse(abs.toUri().toString()).localPath()).isEqualTo(abs);
        assertThat(StreamUri.parse("clips/x.avi").localPath())
                .isEqualTo(java.nio.file.Path.of("clips/x.avi").toAbsolutePath());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> StreamUri.parse("rtsp://u:secret@cam/live").localPath())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("rtsp://u:***@cam/live is not a local file");
    }
}
