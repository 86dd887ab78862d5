package io.frameflow.jobs.assembly;

import io.frameflow.inference.fetch.FetchException;
import io.frameflow.inference.fetch.FrameflowCache;
import io.frameflow.inference.fetch.ProgressListener;
import io.frameflow.ingest.ffmpeg.DecoderOptions;
import io.frameflow.ingest.ffmpeg.FFmpegException;
import io.frameflow.ingest.ffmpeg.StreamInfo;
import io.frameflow.ingest.ffmpeg.VideoProbe;
import io.frameflow.ingest.source.LiveStreamOptions;
import io.frameflow.ingest.source.VideoSource;
import io.frameflow.ingest.source.VideoStreamSpec;
import io.frameflow.ingest.uri.StreamUri;
import io.frameflow.jobs.samples.SampleVideos;
import io.frameflow.jobs.spec.PipelineSpecException;
import io.frameflow.jobs.spec.ReconnectSpec;
import io.frameflow.jobs.spec.SampleSpec;
import io.frameflow.jobs.spec.SourceSpec;
import io.frameflow.jobs.spec.StreamIds;
import io.frameflow.operators.sample.Sampling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Resolves the {@code sources} of a pipeline: {@code sample:} URIs to fetched files, relative paths
 * against the working directory; every file source must exist and open as video before the job
 * starts (a configuration error is reported now, not as a dead letter later). Network streams are
 * not opened here: a camera that is down at start-up must not stop the other streams.
 */
final class SourceResolver {
    /**
     * What the job's sources need, and what the user is shown.
     *
     * @param source the file and network streams; null when every entry is a Kafka topic
     * @param kafka the Kafka topics
     * @param sampling the streams sampled by max-fps or every-n-th, by stream id
     */
    record Sources(
            VideoSource source,
            List<FrameflowJob.KafkaInput> kafka,
            List<String> descriptions,
            OptionalLong totalFrames,
            Map<String, Sampling> sampling) {}

    private final String file;
    private final FrameflowCache cache;
    private final ProgressListener progress;

    SourceResolver(String file, FrameflowCache cache, ProgressListener progress) {
        this.file = file;
        this.cache = cache;
        this.progress = progress;
    }

    Sources resolve(List<SourceSpec> specs, String jobName) {
        List<String> ids = StreamIds.assign(specs);
        List<VideoStreamSpec> streams = new ArrayList<>();
        List<FrameflowJob.KafkaInput> kafka = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        Map<String, Sampling> sampling = new HashMap<>();
        long total = 0;
        boolean totalKnown = true;
        for (int i = 0; i < specs.size(); i++) {
            SourceSpec spec = specs.get(i);
            if (spec.kafka() != null) {
                String at = file + ": sources[" + i + "].kafka";
                Sampling rule =
                        spec.sample() == null
                                ? null
                                : sampling(spec.sample(), file + ": sources[" + i + "].sample");
                FrameflowJob.KafkaInput input =
                        KafkaSources.build(spec.kafka(), jobName, i, rule, at);
                kafka.add(input);
                descriptions.add(KafkaSources.describe(spec.kafka(), jobName));
                totalKnown = false; // a topic has no end
                continue;
            }
            String at = file + ": sources[" + i + "].uri";
            StreamUri uri = resolveUri(spec.uri(), at);
            String location = uri.isLocalFile() ? uri.localPath().toString() : spec.uri();
            VideoStreamSpec stream =
                    VideoStreamSpec.of(ids.get(i), location)
                            .withOptions(decoderOptions(spec))
                            .withLive(liveOptions(spec));
            if (spec.maxFrames() != null) {
                stream = stream.withMaxFrames(spec.maxFrames());
            }
            SampleSpec sample = spec.sample();
            if (sample != null && Boolean.TRUE.equals(sample.keyframesOnly())) {
                stream = stream.withOptions(stream.options().withKeyframesOnly(true));
            } else if (sample != null) {
                sampling.put(ids.get(i), sampling(sample, file + ": sources[" + i + "].sample"));
            }
            streams.add(stream);
            OptionalLong frames = OptionalLong.empty();
            if (uri.isLocalFile()) {
                StreamInfo info = probe(location, at);
                descriptions.add(ids.get(i) + ": " + location + " (" + info.describe() + ")");
                frames = info.frameCount();
            } else {
                descriptions.add(ids.get(i) + ": " + uri.redacted());
            }
            // a stream's frames: what the file records, capped by max-frames; unknown for a
            // live stream without max-frames
            if (frames.isPresent()) {
                total += Math.min(frames.getAsLong(), limit(spec));
            } else if (spec.maxFrames() != null) {
                total += spec.maxFrames();
            } else {
                totalKnown = false;
            }
        }
        VideoSource source = null;
        if (!streams.isEmpty()) {
            try {
                source = VideoSource.builder().addStreams(streams).build();
            } catch (IllegalArgumentException e) {
                throw new PipelineSpecException(file + ": sources: " + e.getMessage(), e);
            }
        }
        return new Sources(
                source,
                kafka,
                descriptions,
                totalKnown ? OptionalLong.of(total) : OptionalLong.empty(),
                sampling);
    }

    private static Sampling sampling(SampleSpec sample, String at) {
        try {
            return sample.maxFps() != null
                    ? new Sampling.MaxFps(sample.maxFps())
                    : new Sampling.EveryNth(sample.every());
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    private static DecoderOptions decoderOptions(SourceSpec spec) {
        DecoderOptions o = DecoderOptions.defaults();
        if (spec.rtspTransport() != null) {
            // the validator has checked the value: tcp or udp
            o =
                    o.withRtspTransport(
                            DecoderOptions.RtspTransport.valueOf(
                                    spec.rtspTransport().toUpperCase(Locale.ROOT)));
        }
        return o;
    }

    /** The live keys of a source over the defaults; the validator has checked their ranges. */
    private static LiveStreamOptions liveOptions(SourceSpec spec) {
        LiveStreamOptions o = LiveStreamOptions.defaults();
        ReconnectSpec r = spec.reconnect();
        if (r != null) {
            Duration initial =
                    r.initialDelay() == null ? o.initialDelay() : r.initialDelay().duration();
            // an initial delay above the default maximum raises the maximum with it
            Duration max =
                    r.maxDelay() != null
                            ? r.maxDelay().duration()
                            : initial.compareTo(o.maxDelay()) > 0 ? initial : o.maxDelay();
            o = o.withDelays(initial, max);
            if (r.maxAttempts() != null) {
                o = o.withMaxAttempts(r.maxAttempts());
            }
            if (r.resetAfter() != null) {
                o = o.withResetAfter(r.resetAfter().duration());
            }
        }
        if (spec.stallTimeout() != null) {
            o = o.withStallTimeout(spec.stallTimeout().duration());
        }
        if (spec.buffer() != null) {
            o = o.withBuffer(spec.buffer());
        }
        return o;
    }

    private static long limit(SourceSpec spec) {
        return spec.maxFrames() == null ? Long.MAX_VALUE : spec.maxFrames();
    }

    /** The stream's location, with a sample resolved to its fetched file; local files checked. */
    private StreamUri resolveUri(String uri, String at) {
        StreamUri parsed;
        try {
            parsed = StreamUri.parse(SampleVideos.isSample(uri) ? sample(uri, at) : uri);
        } catch (IllegalArgumentException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
        if (parsed.isLocalFile()) {
            Path path = parsed.localPath();
            if (!Files.exists(path)) {
                throw new PipelineSpecException(at + ": file not found: " + path);
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new PipelineSpecException(at + ": not a readable file: " + path);
            }
        }
        return parsed;
    }

    private String sample(String uri, String at) {
        try {
            return SampleVideos.resolve(uri, cache, progress).toString();
        } catch (IllegalArgumentException | FetchException e) {
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }

    private StreamInfo probe(String path, String at) {
        progress.step("checking " + path + "…");
        try {
            return VideoProbe.probe(path);
        } catch (FFmpegException e) {
            // FFmpeg's message names the file: "cannot open /x.avi: Invalid data found …"
            throw new PipelineSpecException(at + ": " + e.getMessage(), e);
        }
    }
}
