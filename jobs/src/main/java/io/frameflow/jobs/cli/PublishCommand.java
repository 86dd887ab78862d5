package io.frameflow.jobs.cli;

import io.frameflow.inference.fetch.FetchException;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.PacketReader;
import io.frameflow.ingest.ffmpeg.StreamInfo;
import io.frameflow.ingest.publish.KafkaSetupException;
import io.frameflow.ingest.publish.PublishSummary;
import io.frameflow.ingest.publish.PublisherOptions;
import io.frameflow.ingest.publish.VideoPublisher;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.jobs.run.ProgressLine;
import io.frameflow.jobs.run.ShutdownHooks;
import io.frameflow.jobs.run.Terminal;
import io.frameflow.jobs.samples.SampleVideos;
import io.frameflow.jobs.spec.DurationValue;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow publish}: sends a file's or camera's packets to Kafka without re-encoding. */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        description = {
            "Reads a video file or camera and writes its compressed packets (H.264, H.265 or",
            "MJPEG, not re-encoded) to a Kafka topic in FrameFlow's encoded-video format",
            "(docs/kafka-format.md), with an idempotent producer. The topic must exist.",
            "Exit status: 0 done, 1 publishing failed, 2 bad input (missing file, unsupported",
            "codec, unknown topic, unreachable broker)."
        })
final class PublishCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE|URI",
            description = "A video file, sample:NAME, rtsp://, rtsps://, http:// or https://.")
    String input;

    @Option(names = PublisherOptions.TOPIC, required = true, paramLabel = "T")
    String topic;

    @Option(names = PublisherOptions.BOOTSTRAP, required = true, paramLabel = "HOST:PORT[,...]")
    String bootstrap;

    @Option(
            names = "--stream",
            paramLabel = "ID",
            description =
                    "The stream id, the records' key (default: the file name without its"
                            + " extension).")
    String stream;

    @Option(
            names = PublisherOptions.REALTIME,
            description = "Keep the source's pace (by timestamps); default: as fast as possible.")
    boolean realtime;

    @Option(
            names = PublisherOptions.MAX_RECORD_BYTES,
            paramLabel = "N",
            defaultValue = "" + PublisherOptions.DEFAULT_MAX_RECORD_BYTES,
            description =
                    "Largest record; bigger packets are split into chunks (default:"
                            + " ${DEFAULT-VALUE}).")
    int maxRecordBytes;

    @Option(
            names = "--broker-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            description = "How long to wait for the broker (default: ${DEFAULT-VALUE}).")
    String brokerTimeout;

    @Override
    public Integer call() throws Exception {
        PublisherOptions options =
                new PublisherOptions(
                        bootstrap,
                        topic,
                        maxRecordBytes,
                        realtime,
                        DurationValue.parse(brokerTimeout).duration());
        StreamUri uri = resolve(input);
        String id = stream != null ? stream : defaultStreamId(uri);
        if (id.isBlank()) {
            throw new IllegalArgumentException("--stream is empty; give the stream an id");
        }
        Terminal terminal = top.terminal;
        try (PacketReader reader = new PacketReader(id, uri, DecoderOptions.defaults())) {
            StreamInfo info = open(reader);
            checkTopic(options);
            terminal.step(
                    "publishing "
                            + uri
                            + " ("
                            + info.describe()
                            + ") as stream '"
                            + id
                            + "' to topic '"
                            + topic
                            + "' at "
                            + bootstrap
                            + (realtime ? ", in real time" : ""));
            publish(reader, options, info, terminal);
        }
        return 0;
    }

    private StreamUri resolve(String location) {
        String local = location;
        if (SampleVideos.isSample(location)) {
            try {
                local = SampleVideos.resolve(location, top.cache(), top.terminal::step).toString();
            } catch (FetchException e) {
                throw new IllegalArgumentException(
                        "--input " + location + ": " + e.getMessage(), e);
            }
        }
        StreamUri uri = StreamUri.parse(local);
        if (uri.isLocalFile() && !Files.isRegularFile(uri.localPath())) {
            throw new IllegalArgumentException("--input: file not found: " + uri.localPath());
        }
        return uri;
    }

    /** The file name without its extension; for a URI, the last path segment's. */
    static String defaultStreamId(StreamUri uri) {
        String name;
        if (uri.isLocalFile()) {
            name = uri.localPath().getFileName().toString();
        } else {
            // scheme://authority/path?query: the last segment of the path, if there is one
            String url = uri.ffmpegUrl().replaceFirst("[?#].*$", "");
            int pathStart = url.indexOf('/', url.indexOf("://") + 3);
            name = pathStart < 0 ? "" : url.substring(url.lastIndexOf('/') + 1);
        }
        int dot = name.lastIndexOf('.');
        String id = dot > 0 ? name.substring(0, dot) : name;
        if (id.isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot derive a stream id from " + uri + "; give one with --stream");
        }
        return id;
    }

    private static StreamInfo open(PacketReader reader) {
        try {
            return reader.open();
        } catch (FFmpegException e) {
            // the input cannot be read or carried as it is: the user's to fix
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void checkTopic(PublisherOptions options) throws InterruptedException {
        try {
            VideoPublisher.checkTopic(options);
        } catch (KafkaSetupException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void publish(
            PacketReader reader, PublisherOptions options, StreamInfo info, Terminal terminal)
            throws Exception {
        ProgressLine line = new ProgressLine(info.frameCount(), System.nanoTime());
        CountDownLatch done = new CountDownLatch(1);
        try (VideoPublisher publisher = new VideoPublisher(options)) {
            // Ctrl-C: stop reading, flush what was sent, print the summary, then let the JVM end
            Thread hook =
                    new Thread(
                            () -> {
                                publisher.stop();
                                ShutdownHooks.await(done, 30);
                            },
                            "frameflow-publish-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                PublishSummary summary =
                        publisher.publish(reader, s -> terminal.progress(line.format(s.packets())));
                terminal.result("Published " + summary.describe());
            } finally {
                ShutdownHooks.remove(hook);
                done.countDown();
            }
        }
    }
}
