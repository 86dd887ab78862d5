package io.frameflow.it.rtsp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real RTSP camera for tests: Debian's GStreamer RTSP server, driven by a Python script of this
 * module (written to a temporary file at run time) through {@code /usr/bin/python3}. It binds
 * 127.0.0.1, plays a video file in real time in an endless loop, re-encoded live to H.264 (x264
 * {@code tune=zerolatency}, a keyframe every {@link Options#gop()} frames), optionally scaled, over
 * RTSP with TCP and UDP transport.
 *
 * <p>{@link #stop()} kills the server process hard (SIGKILL), as a crash or a power cut would;
 * {@link #start()} brings it back on the same port. Not thread-safe: one test thread drives it.
 */
public final class RtspTestServer implements AutoCloseable {
    /** The Debian packages the server needs. */
    public static final List<String> PACKAGES =
            List.of(
                    "python3-gi",
                    "gir1.2-gstreamer-1.0",
                    "gir1.2-gst-rtsp-server-1.0",
                    "python3-gst-1.0",
                    "gstreamer1.0-plugins-base",
                    "gstreamer1.0-plugins-good",
                    "gstreamer1.0-plugins-bad",
                    "gstreamer1.0-plugins-ugly",
                    "gstreamer1.0-libav");

    static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = "rtsp_test_server.py";
    private static final long START_TIMEOUT_SECONDS = 30;

    /**
     * What the server plays and how.
     *
     * @param video the clip, played in a loop
     * @param path the mount point, e.g. {@code /live}
     * @param fps frames per second sent (the clip is resampled to it)
     * @param gop frames from one keyframe to the next
     * @param width width to scale to, 0 to keep the clip's size
     * @param height height to scale to, 0 to keep the clip's size
     * @param transports the RTSP transports the server offers
     */
    public record Options(
            Path video,
            String path,
            int fps,
            int gop,
            int width,
            int height,
            Transports transports) {
        public Options {
            Objects.requireNonNull(video, "video");
            Objects.requireNonNull(transports, "transports");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path '" + path + "' must start with '/'");
            }
            if (fps < 1 || gop < 1 || width < 0 || height < 0 || (width == 0) != (height == 0)) {
                throw new IllegalArgumentException(
                        "fps and gop must be >= 1, width and height both 0 or both > 0: " + this);
            }
        }

        /** {@code video} at 10 fps, a keyframe every 10 frames, its own size, at {@code /live}. */
        public static Options of(Path video) {
            return new Options(video, "/live", 10, 10, 0, 0, Transports.BOTH);
        }

        public Options withSize(int w, int h) {
            return new Options(video, path, fps, gop, w, h, transports);
        }

        public Options withFps(int value) {
            return new Options(video, path, value, gop, width, height, transports);
        }

        public Options withGop(int value) {
            return new Options(video, path, fps, value, width, height, transports);
        }

        public Options withTransports(Transports value) {
            return new Options(video, path, fps, gop, width, height, value);
        }
    }

    /** Which RTSP transports the server accepts for the media: a real camera may offer one. */
    public enum Transports {
        TCP,
        UDP,
        BOTH
    }

    private final Options options;
    private final Path script;
    private final int port;
    private Process process;
    private final StringBuffer errors = new StringBuffer();

    private RtspTestServer(Options options, Path script, int port) {
        this.options = options;
        this.script = script;
        this.port = port;
    }

    /**
     * Prepares a server on a free port of 127.0.0.1; {@link #start()} starts it.
     *
     * @throws IllegalStateException when python3 or the GStreamer packages are missing, naming the
     *     packages to install
     */
    public static RtspTestServer create(Options options) {
        if (!Files.isRegularFile(options.video())) {
            throw new IllegalArgumentException("no video file at " + options.video());
        }
        checkPackages();
        return new RtspTestServer(options, writeScript(), freePort());
    }

    /** Starts the server and waits until it listens; again after {@link #stop()}: same port. */
    public RtspTestServer start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the RTSP server on port " + port + " is running");
        }
        errors.setLength(0);
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
        command.addAll(
                List.of(
                        "--video", options.video().toString(),
                        "--port", Integer.toString(port),
                        "--path", options.path(),
                        "--fps", Integer.toString(options.fps()),
                        "--gop", Integer.toString(options.gop()),
                        "--width", Integer.toString(options.width()),
                        "--height", Integer.toString(options.height()),
                        "--protocols", options.transports().name().toLowerCase(Locale.ROOT)));
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + PYTHON, e);
        }
        drain(process.getErrorStream(), errors);
        awaitReady();
        return this;
    }

    private void awaitReady() {
        CompletableFuture<String> ready =
                CompletableFuture.supplyAsync(
                        () -> {
                            BufferedReader out =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8));
                            try {
                                return out.readLine();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        String line;
        try {
            line = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while starting the RTSP server", e);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException(
                    "the RTSP server did not start within "
                            + START_TIMEOUT_SECONDS
                            + " s: "
                            + errors,
                    e);
        }
        if (!("READY " + port).equals(line)) {
            stop();
            throw new IllegalStateException(
                    "the RTSP server on port " + port + " failed to start: " + errors);
        }
    }

    /** Kills the server process at once (SIGKILL), like a crash; its clients see the link die. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the RTSP server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the server process runs. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code rtsp://127.0.0.1:PORT/PATH}. */
    public String url() {
        return "rtsp://127.0.0.1:" + port + options.path();
    }

    /** The URL with {@code user:password} in it; the server does not check them. */
    public String url(String userInfo) {
        return "rtsp://" + userInfo + "@127.0.0.1:" + port + options.path();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + script, e);
        }
    }

    private static void checkPackages() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw missing(PYTHON + " is missing");
        }
        String probe =
                "import gi; gi.require_version('Gst', '1.0');"
                        + " gi.require_version('GstRtspServer', '1.0');"
                        + " from gi.repository import Gst, GstRtspServer; Gst.init(None);"
                        + " missing = [e for e in ('x264enc', 'rtph264pay', 'appsrc', 'decodebin',"
                        + " 'videoscale', 'videorate') if Gst.ElementFactory.find(e) is None];"
                        + " print(' '.join(missing))";
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", probe).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw missing("GStreamer's Python bindings do not load: " + out.strip());
            }
            if (!out.isBlank()) {
                throw missing("GStreamer elements are missing: " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + PYTHON, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking for GStreamer", e);
        }
    }

    private static IllegalStateException missing(String what) {
        return new IllegalStateException(
                "the RTSP test server cannot run: "
                        + what
                        + "; install the Debian packages: apt-get install "
                        + String.join(" ", PACKAGES));
    }

    private static Path writeScript() {
        try (InputStream in = RtspTestServer.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            Path file = Files.createTempFile("frameflow-rtsp-", ".py");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the RTSP server script", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private static void drain(InputStream in, StringBuffer into) {
        Thread t =
                new Thread(
                        () -> {
                            try (BufferedReader r =
                                    new BufferedReader(
                                            new InputStreamReader(in, StandardCharsets.UTF_8))) {
                                for (String line; (line = r.readLine()) != null; ) {
                                    into.append(line).append('\n');
                                }
                            } catch (IOException ignored) {
                                // the process died: what it wrote so far is all there is
                            }
                        },
                        "rtsp-test-server-stderr");
        t.setDaemon(true);
        t.start();
    }
}
