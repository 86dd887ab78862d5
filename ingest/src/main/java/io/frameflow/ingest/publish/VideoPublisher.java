package io.frameflow.ingest.publish;

import io.frameflow.common.EncodedPacket;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.FFmpegInterruptedException;
import io.frameflow.ingest.ffmpeg.PacketReader;
import io.frameflow.ingest.kafka.PacketRecords;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends the packets of one {@link PacketReader} to a Kafka topic in the FrameFlow encoded-video
 * format ({@link PacketRecords}), without re-encoding. The producer is idempotent with {@code
 * acks=all}: a retried send is written once, and one stream's records keep their order in their
 * partition (key = stream id). Delivery: every packet read is written once, or the run fails with a
 * {@link PublishException} naming the packet; nothing is dropped silently. A run that fails or is
 * stopped has flushed what it sent before.
 *
 * <pre>{@code
 * try (VideoPublisher publisher = new VideoPublisher(PublisherOptions.of("kafka:9092", "video"));
 *         PacketReader reader = new PacketReader("cam-1", StreamUri.parse(file), options)) {
 *     publisher.checkTopic();
 *     reader.open();
 *     PublishSummary summary = publisher.publish(reader, s -> {});
 * }
 * }</pre>
 *
 * <p>One thread publishes; {@link #stop()} may be called from any other.
 */
public final class VideoPublisher implements AutoCloseable {
    /** Room above the record limit for the producer's own request and batch framing. */
    private static final int REQUEST_HEADROOM = 64 * 1024;

    private static final long PACE_STEP_MILLIS = 50;

    private final PublisherOptions options;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicReference<PublishException> sendFailure = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile PacketReader current;

    public VideoPublisher(PublisherOptions options) {
        this.options = options;
        this.producer =
                new KafkaProducer<>(
                        producerProperties(options),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
    }

    static Properties producerProperties(PublisherOptions options) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, options.maxRecordBytes() + REQUEST_HEADROOM);
        // a batch never exceeds the topic's limit: one large record is a batch of its own
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Math.min(options.maxRecordBytes(), 256 * 1024));
        p.put(ProducerConfig.LINGER_MS_CONFIG, options.realtime() ? 0 : 5);
        // video is compressed already
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, options.brokerTimeout().toMillis());
        return p;
    }

    /**
     * Checks that the broker answers and that the topic exists and takes records of the configured
     * size; returns its partition count.
     *
     * @throws KafkaSetupException when it does not, saying what to do
     */
    public int checkTopic() throws KafkaSetupException, InterruptedException {
        return KafkaTopicCheck.check(options);
    }

    /**
     * Reads {@code reader} (already open) to its end and sends every packet, then flushes.
     *
     * @param progress called after each packet with the totals so far (on this thread)
     * @return the totals; {@link PublishSummary#stopped()} when {@link #stop()} ended it early
     * @throws PublishException when a send fails; packets sent before it are flushed
     * @throws FFmpegException when reading the input fails
     */
    public PublishSummary publish(PacketReader reader, Consumer<PublishSummary> progress)
            throws PublishException, FFmpegException, InterruptedException {
        current = reader;
        Tally tally = new Tally();
        try {
            if (stopping) {
                return tally.summary(true);
            }
            for (EncodedPacket p = next(reader); p != null; p = next(reader)) {
                tally.start(p);
                if (options.realtime() && !pace(tally, p)) {
                    break;
                }
                send(p, tally);
                progress.accept(tally.summary(false));
                if (stopping) {
                    break;
                }
            }
            flush();
            return tally.summary(stopping);
        } finally {
            current = null;
        }
    }

    private EncodedPacket next(PacketReader reader) throws FFmpegException {
        try {
            return reader.next();
        } catch (FFmpegInterruptedException e) {
            if (stopping) {
                return null;
            }
            throw e;
        }
    }

    /** Waits until the packet is due; false when stopped meanwhile. */
    private boolean pace(Tally tally, EncodedPacket p) throws InterruptedException {
        long due = tally.dueNanos(p);
        while (!stopping) {
            long wait = due - System.nanoTime();
            if (wait <= 0) {
                return true;
            }
            Thread.sleep(Math.min(PACE_STEP_MILLIS, Math.max(1, wait / 1_000_000)));
        }
        return false;
    }

    private void send(EncodedPacket p, Tally tally) throws PublishException {
        List<ProducerRecord<byte[], byte[]>> records =
                PacketRecords.toRecords(options.topic(), p, options.maxRecordBytes());
        for (int i = 0; i < records.size(); i++) {
            String what = describe(p, i, records.size());
            try {
                producer.send(
                        records.get(i),
                        (meta, e) -> {
                            if (e != null) {
                                sendFailure.compareAndSet(
                                        null,
                                        new PublishException(
                                                "failed to publish " + what + ": " + e.getMessage(),
                                                e));
                            }
                        });
            } catch (KafkaException | IllegalStateException e) {
                throw new PublishException("failed to publish " + what + ": " + e.getMessage(), e);
            }
            checkFailure();
        }
        tally.add(p, records.size());
    }

    private String describe(EncodedPacket p, int chunk, int chunks) {
        return "packet "
                + p.seq()
                + (chunks > 1 ? " (chunk " + (chunk + 1) + " of " + chunks + ")" : "")
                + " of stream '"
                + p.streamId()
                + "' to topic '"
                + options.topic()
                + "'";
    }

    private void checkFailure() throws PublishException {
        PublishException e = sendFailure.get();
        if (e != null) {
            // a new exception, so that the stack trace shows the publishing thread
            throw new PublishException(e.getMessage(), e.getCause());
        }
    }

    private void flush() throws PublishException, InterruptedException {
        try {
            producer.flush();
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            throw new InterruptedException("interrupted flushing to topic " + options.topic());
        }
        checkFailure();
    }

    /**
     * Ends a running {@link #publish} soon: it stops reading (a blocked read returns), flushes what
     * it sent and returns a summary marked stopped. Safe from any thread.
     */
    public void stop() {
        stopping = true;
        PacketReader r = current;
        if (r != null) {
            r.interrupt();
        }
    }

    /** Flushes and closes the producer, waiting at most the broker timeout. */
    @Override
    public void close() {
        producer.close(options.brokerTimeout());
    }

    /** Running totals of one run. */
    private static final class Tally {
        private long packets;
        private long keyframes;
        private long records;
        private long chunked;
        private long bytes;
        private long startNanos;
        private long firstPts = EncodedPacket.NO_PTS;
        private long maxPts = EncodedPacket.NO_PTS;

        void start(EncodedPacket p) {
            if (packets == 0) {
                startNanos = System.nanoTime();
            }
            if (p.ptsMicros() != EncodedPacket.NO_PTS) {
                if (firstPts == EncodedPacket.NO_PTS) {
                    firstPts = p.ptsMicros();
                }
                // decode order: with B-frames PTS goes back and forth; pace by the latest
                maxPts = Math.max(maxPts, p.ptsMicros());
            }
        }

        long dueNanos(EncodedPacket p) {
            return firstPts == EncodedPacket.NO_PTS
                    ? System.nanoTime()
                    : startNanos + (maxPts - firstPts) * 1000;
        }

        void add(EncodedPacket p, int recordCount) {
            packets++;
            keyframes += p.keyframe() ? 1 : 0;
            records += recordCount;
            chunked += recordCount > 1 ? 1 : 0;
            bytes += p.data().length + (long) p.codecParams().length;
        }

        PublishSummary summary(boolean stopped) {
            long media = firstPts == EncodedPacket.NO_PTS ? 0 : maxPts - firstPts;
            long elapsed = packets == 0 ? 0 : System.nanoTime() - startNanos;
            return new PublishSummary(
                    packets, keyframes, records, chunked, bytes, media, elapsed, stopped);
        }
    }
}
