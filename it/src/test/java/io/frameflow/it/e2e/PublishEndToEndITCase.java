package io.frameflow.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.frameflow.common.EncodedPacket;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.ingest.ffmpeg.AnnexB;
import io.frameflow.ingest.ffmpeg.DecodeEvent;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegDecoder;
import io.frameflow.ingest.ffmpeg.H264Transcoder;
import io.frameflow.ingest.kafka.PacketRecords;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.it.kafka.KafkaBroker;
import io.frameflow.jobs.samples.SampleVideos;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frameflow publish} against a real Kafka broker: the topic read back holds every packet of
 * an H.264 clip once, in order, in the documented record format, and a GOP taken from it decodes.
 */
class PublishEndToEndITCase {
    private static final int FRAMES = 48;
    private static final int GOP = 12;

    private static KafkaBroker kafka;
    @TempDir static Path shared;
    private static Path clip;

    @TempDir Path dir;

    @BeforeAll
    static void startBrokerAndMakeClip() throws Exception {
        kafka = KafkaBroker.start();
        Path vtest =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        clip = shared.resolve("lobby.mp4");
        H264Transcoder.transcode(
                vtest, clip, H264Transcoder.Options.of(640, 480, FRAMES).withGop(GOP));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static Cli.Result publish(String topic, String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "publish",
                                "--input",
                                clip.toString(),
                                "--topic",
                                topic,
                                "--bootstrap",
                                kafka.bootstrapServers()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Every record parsed, chunks joined back into whole packets, by sequence number. */
    private static List<EncodedPacket> packets(List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        TreeMap<Long, List<EncodedPacket>> bySeq = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            EncodedPacket p = PacketRecords.fromRecord(r);
            bySeq.computeIfAbsent(p.seq(), s -> new ArrayList<>()).add(p);
        }
        List<EncodedPacket> whole = new ArrayList<>();
        for (List<EncodedPacket> chunks : bySeq.values()) {
            EncodedPacket first = chunks.get(0);
            assertThat(chunks.stream().map(EncodedPacket::chunkIndex).toList())
                    .as("chunks of packet %d, in order", first.seq())
                    .isEqualTo(
                            java.util.stream.IntStream.range(0, first.chunkCount())
                                    .boxed()
                                    .toList());
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            chunks.forEach(c -> data.writeBytes(c.data()));
            whole.add(
                    EncodedPacket.whole(
                            first.streamId(),
                            first.seq(),
                            first.codec(),
                            first.ptsMicros(),
                            first.captureTimeMillis(),
                            first.timeSource(),
                            first.keyframe(),
                            first.codecParams(),
                            data.toByteArray()));
        }
        return whole;
    }

    /** Decodes parameters + access units of {@code gop} as a raw H.264 stream; frame count. */
    private int decodedFrames(List<EncodedPacket> gop) throws Exception {
        ByteArrayOutputStream annexB = new ByteArrayOutputStream();
        annexB.writeBytes(gop.get(0).codecParams());
        gop.forEach(p -> annexB.writeBytes(p.data()));
        Path file = Files.write(dir.resolve("gop.h264"), annexB.toByteArray());
        int frames = 0;
        try (FFmpegDecoder d =
                new FFmpegDecoder(StreamUri.parse(file.toString()), DecoderOptions.defaults())) {
            d.open();
            for (DecodeEvent e = d.next(); e != DecodeEvent.Signal.END_OF_STREAM; e = d.next()) {
                assertThat(e).isInstanceOf(DecodeEvent.DecodedFrame.class);
                assertThat(((DecodeEvent.DecodedFrame) e).damaged()).isFalse();
                frames++;
            }
        }
        return frames;
    }

    private static void assertClipPackets(List<EncodedPacket> packets) {
        assertThat(packets.stream().map(EncodedPacket::seq))
                .containsExactlyElementsOf(LongStream.range(0, FRAMES).boxed().toList());
        for (EncodedPacket p : packets) {
            assertThat(p.streamId()).isEqualTo("lobby");
            assertThat(AnnexB.startsWithStartCode(p.data())).as(p.describe()).isTrue();
            assertThat(p.keyframe()).as(p.describe()).isEqualTo(p.seq() % GOP == 0);
            if (p.keyframe()) {
                assertThat(AnnexB.nalUnits(p.codec(), p.codecParams()))
                        .extracting(AnnexB.NalUnit::type)
                        .contains(7, 8);
            }
        }
    }

    @Test
    void everyPacketIsOneRecordInOrderAndTheFirstGopDecodes() throws Exception {
        kafka.createTopic("video-whole", 2);

        Cli.Result run = publish("video-whole");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out())
                .startsWith(
                        "Published %d packets (%d keyframes) in %d records (0 packets chunked)"
                                .formatted(FRAMES, FRAMES / GOP, FRAMES));
        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.consume("video-whole", FRAMES, Duration.ofSeconds(30), false);
        assertThat(records).hasSize(FRAMES);
        // one key, one partition, in order
        assertThat(records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)))
                .containsOnly("lobby");
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
        List<EncodedPacket> packets = packets(records);
        assertThat(records.stream().map(r -> header(r, PacketRecords.SEQ)).toList())
                .isEqualTo(packets.stream().map(p -> Long.toString(p.seq())).toList());
        assertClipPackets(packets);
        assertThat(decodedFrames(packets.subList(0, GOP))).isEqualTo(GOP);
    }

    @Test
    void packetsAboveTheRecordLimitAreChunkedAndJoinBack() throws Exception {
        kafka.createTopic("video-chunked", 1);

        Cli.Result run = publish("video-chunked", "--max-record-bytes", "16384");

        assertThat(run.exit()).as(run.toString()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.consume("video-chunked", FRAMES + 1, Duration.ofSeconds(20), false);
        assertThat(records.size()).isGreaterThan(FRAMES);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            assertThat(r.serializedKeySize() + r.serializedValueSize()).isLessThanOrEqualTo(16384);
        }
        List<EncodedPacket> packets = packets(records);
        assertClipPackets(packets);
        assertThat(decodedFrames(packets.subList(GOP, 2 * GOP))).isEqualTo(GOP);
    }

    @Test
    void realtimeKeepsTheClipsPace() {
        kafka.createTopic("video-realtime", 1);
        long start = System.nanoTime();

        Cli.Result run = publish("video-realtime", "--realtime");

        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(run.exit()).as(run.toString()).isZero();
        // vtest.avi is 10 frames/s: the last packet is due 4.7 s after the first
        assertThat(seconds).isGreaterThanOrEqualTo((FRAMES - 1) / 10.0);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** The one error line of a failed command. */
    private static String errorLine(Cli.Result run) {
        List<String> errors =
                run.err().lines().filter(l -> l.startsWith("frameflow: error: ")).toList();
        assertThat(errors).as(run.toString()).hasSize(1);
        return errors.get(0).substring("frameflow: error: ".length());
    }

    @Test
    void aMissingTopicIsNamed() {
        Cli.Result run = publish("no-such-topic");
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(errorLine(run))
                .isEqualTo(
                        "topic 'no-such-topic' does not exist at "
                                + kafka.bootstrapServers()
                                + "; create it first (with max.message.bytes >= 1048576)");
    }

    @Test
    void aTopicWithSmallerRecordsThanAskedForIsRefused() {
        kafka.createTopic("video-small", 1);
        Cli.Result run = publish("video-small", "--max-record-bytes", "9000000");
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(errorLine(run))
                .isEqualTo(
                        "topic 'video-small' accepts records up to "
                                + KafkaBroker.MAX_MESSAGE_BYTES
                                + " bytes (max.message.bytes), less than --max-record-bytes"
                                + " 9000000; lower --max-record-bytes to at most "
                                + KafkaBroker.MAX_MESSAGE_BYTES
                                + " or raise the topic's limit");
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeout() {
        long start = System.nanoTime();
        Cli.Result run =
                Cli.run(
                        "publish",
                        "--input",
                        clip.toString(),
                        "--topic",
                        "video",
                        "--bootstrap",
                        "127.0.0.1:1",
                        "--broker-timeout",
                        "2s");
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(errorLine(run))
                .isEqualTo("cannot reach Kafka at 127.0.0.1:1: no answer within 2 s");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    }

    @Test
    void anUnsupportedCodecNamesTheStreamAndTheCodecs() throws Exception {
        Path vtest =
                SampleVideos.resolve(
                        "sample:vtest.avi",
                        FrameflowCache.fromEnvironment(),
                        ProgressListener.NONE);
        Cli.Result run =
                Cli.run(
                        "publish",
                        "--input",
                        "sample:vtest.avi",
                        "--topic",
                        "video",
                        "--bootstrap",
                        kafka.bootstrapServers());
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(errorLine(run))
                .isEqualTo(
                        "stream 'vtest' ("
                                + vtest
                                + ") is msmpeg4v3; only h264, hevc, mjpeg can be sent without"
                                + " re-encoding");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("cams/gate.mp4");
        Cli.Result run =
                Cli.run(
                        "publish",
                        "--input",
                        missing.toString(),
                        "--topic",
                        "video",
                        "--bootstrap",
                        kafka.bootstrapServers());
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(errorLine(run)).isEqualTo("--input: file not found: " + missing);
    }

    @Test
    void aPublishedClipReplaysThroughAPipelineWithOneResultPerFrame() {
        kafka.createTopic("replay", 1);
        Cli.Result published = publish("replay", "--stream", "lobby");
        assertThat(published.exit()).as(published.toString()).isZero();
        Path pipeline =
                Cli.pipeline(
                        dir,
                        """
                        name: replay
                        sources:
                          - kafka: { bootstrap: "%s", topic: replay, start: earliest, until: latest }
                        stages:
                          - detect: { model: nanodet-coco, threshold: 0.35 }
                        sinks:
                          - jsonl: { path: %s }
                        execution: { checkpoint-interval: 1s }
                        """
                                .formatted(kafka.bootstrapServers(), dir.resolve("out")));

        Cli.Result run = Cli.run("run", pipeline.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        List<JsonNode> results = Cli.readJsonLines(dir.resolve("out"));
        assertThat(results.stream().map(r -> r.get("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(LongStream.range(0, FRAMES).boxed().toList());
        assertThat(results)
                .allSatisfy(
                        r -> {
                            assertThat(r.get("stream").asText()).isEqualTo("lobby");
                            assertThat(r.get("width").asInt()).isEqualTo(640);
                            assertThat(r.get("time_source").asText()).isEqualTo("media");
                        });
        // the clip is vtest.avi's pedestrians: the detector must see people after the round trip
        long withPeople =
                results.stream()
                        .filter(
                                r ->
                                        StreamSupport.stream(
                                                        r.get("detections").spliterator(), false)
                                                .anyMatch(
                                                        d ->
                                                                d.get("label")
                                                                        .asText()
                                                                        .equals("person")))
                        .count();
        assertThat(withPeople).isGreaterThan(FRAMES * 9L / 10);
    }

    @Test
    void aReplayWithSamplingAnalysesEveryFourthFrameOfTheTopic() {
        kafka.createTopic("replay-sampled", 1);
        assertThat(publish("replay-sampled", "--stream", "lobby").exit()).isZero();
        Path pipeline =
                Cli.pipeline(
                        dir,
                        """
                        name: replay-sampled
                        sources:
                          - kafka: { bootstrap: "%s", topic: replay-sampled, start: earliest, until: latest }
                            sample: { every: 4 }
                        stages:
                          - detect: { model: nanodet-coco }
                        sinks:
                          - jsonl: { path: %s }
                        """
                                .formatted(kafka.bootstrapServers(), dir.resolve("out")));

        Cli.Result run = Cli.run("run", pipeline.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Cli.readJsonLines(dir.resolve("out")).stream().map(r -> r.get("seq").asLong()))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.range(0, FRAMES).filter(seq -> seq % 4 == 0).boxed().toList());
    }
}
