package io.frameflow.sinks.video;

import java.io.IOException;

/**
 * The annotated-video sink could not write a stream's video: the message names the stream, the
 * frame and the file, and says what FFmpeg or the file system reported (no space left, permission
 * denied, an encoder missing from the FFmpeg build). It fails the task, like any sink error.
 */
public class VideoSinkException extends IOException {
    private static final long serialVersionUID = 1L;

    public VideoSinkException(String message) {
        super(message);
    }

    public VideoSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
