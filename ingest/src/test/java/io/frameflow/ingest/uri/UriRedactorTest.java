package io.frameflow.ingest.uri;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriRedactorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rtsp://admin:s3cret@10.0.0.7:554/Streaming/101 | rtsp://admin:***@10.0.0.7:554/Streaming/101",
                "rtsps://u:p@cam.example/live | rtsps://u:***@cam.example/live",
                "http://user:pa:ss@host/x.mjpg | http://user:***@host/x.mjpg",
                "https://user:p@ss@host/video | https://user:***@host/video",
                "rtsp://:onlypassword@host/ | rtsp://:***@host/",
                "rtsp://user@host/live | rtsp://user@host/live",
                "rtsp://host:554/live | rtsp://host:554/live",
                "rtsp://host:554/a@b | rtsp://host:554/a@b",
                "/data/clips/a@b.avi | /data/clips/a@b.avi",
            })
    void hidesOnlyThePassword(String uri, String expected) {
        assertThat(UriRedactor.redact(uri)).isEqualTo(expected);
    }

    @Test
    void redactsEveryUriInsideText() {
        String text =
                "cannot open rtsp://a:one@h1/x: Connection refused; fallback"
                        + " http://b:two@h2/y failed too";
        assertThat(UriRedactor.redact(text))
                .isEqualTo(
                        "cannot open rtsp://a:***@h1/x: Connection refused; fallback"
                                + " http://b:***@h2/y failed too")
                .doesNotContain("one")
                .doesNotContain("two");
    }

    @Test
    void leavesTextWithoutCredentialsAndNullAlone() {
        assertThat(UriRedactor.redact("frame 12 of cam-1: Invalid data"))
                .isEqualTo("frame 12 of cam-1: Invalid data");
        assertThat(UriRedactor.redact(null)).isNull();
    }
}
