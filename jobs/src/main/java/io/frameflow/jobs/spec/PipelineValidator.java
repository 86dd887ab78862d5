package io.frameflow.jobs.spec;

import io.frameflow.operators.analytics.CountingLine;
import io.frameflow.operators.analytics.Point;
import io.frameflow.operators.analytics.Zone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Checks what the YAML binding cannot: required keys, ranges, one kind per stage and sink entry,
 * unique stream ids. Each failure names the file, the key path and the value.
 */
final class PipelineValidator {
    static final int MAX_BUFFER = 1024;
    static final Set<String> RTSP_TRANSPORTS = Set.of("tcp", "udp");
    static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    // the bounds of the decode step's option (ingest's PacketDecodeOptions), checked here so the
    // message can name the line
    static final long MIN_GOP_BYTES = 1024;
    static final long MAX_GOP_BYTES = 1L << 30;

    private final String file;
    private final ToIntFunction<String> lines;

    private PipelineValidator(String file, ToIntFunction<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /**
     * Validates {@code spec}; {@code lines} maps a key path to its line in the file (0 if unknown),
     * for the messages.
     */
    static void validate(PipelineSpec spec, String file, ToIntFunction<String> lines) {
        PipelineValidator v = new PipelineValidator(file, lines);
        v.require(spec.name() != null && !spec.name().isBlank(), "name", "is required");
        v.sources(spec.sources());
        v.stages(spec.stages());
        v.sinks(spec.sinks());
        v.execution(spec.execution());
        v.watermarks(spec.watermarks());
        if (spec.tracking() != null) {
            v.require(
                    spec.detectStage() != null,
                    spec.analytics() != null ? "analytics" : "tracking",
                    "needs a detect stage on whole frames: tracking follows its detections");
            v.tracking(spec.tracking());
        }
        if (spec.analytics() != null) {
            v.analytics(spec.analytics());
        }
    }

    private void tracking(TrackingSpec t) {
        unit(t.highThreshold(), "tracking.high-threshold");
        if (t.lowThreshold() != null) {
            require(
                    t.lowThreshold() >= 0 && t.lowThreshold() <= 1,
                    "tracking.low-threshold",
                    t.lowThreshold() + " must be between 0 and 1");
        }
        unit(t.matchIou(), "tracking.match-iou");
        if (t.highThreshold() != null && t.lowThreshold() != null) {
            require(
                    t.lowThreshold() <= t.highThreshold(),
                    "tracking.low-threshold",
                    t.lowThreshold()
                            + " must not be above high-threshold ("
                            + t.highThreshold()
                            + ")");
        }
        if (t.minHits() != null) {
            require(
                    t.minHits() >= 1 && t.minHits() <= 1000,
                    "tracking.min-hits",
                    t.minHits() + " must be between 1 and 1000 frames");
        }
        upTo(t.maxLost(), "tracking.max-lost", Duration.ofHours(1));
        labels(t.labels(), "tracking.labels");
    }

    private void analytics(AnalyticsSpec a) {
        require(
                !a.windows().isEmpty() || !a.zones().isEmpty() || !a.lines().isEmpty(),
                "analytics",
                "names no windows, zones or lines; add windows: [{ tumbling: 10s }] or remove the"
                        + " section");
        for (int i = 0; i < a.windows().size(); i++) {
            window(a.windows().get(i), "analytics.windows[" + i + "]");
        }
        if (a.allowedLateness() != null) {
            require(
                    a.allowedLateness().duration().compareTo(Duration.ofHours(1)) <= 0,
                    "analytics.allowed-lateness",
                    a.allowedLateness().text() + " is too long; at most 1h");
        }
        labels(a.labels(), "analytics.labels");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < a.zones().size(); i++) {
            AnalyticsSpec.ZoneEntry z = a.zones().get(i);
            String at = "analytics.zones[" + i + "]";
            require(z.id() != null, at + ".id", "is required");
            require(ids.add(z.id()), at + ".id", "'" + z.id() + "' names two zones or lines");
            require(
                    z.polygon() != null,
                    at + ".polygon",
                    "is required: a list of [x, y] corners, e.g. [[0, 0], [100, 0], [100, 80]]");
            List<Point> corners = new ArrayList<>();
            for (int c = 0; c < z.polygon().size(); c++) {
                corners.add(point(z.polygon().get(c), at + ".polygon[" + c + "]"));
            }
            labels(z.labels(), at + ".labels");
            labels(z.streams(), at + ".streams");
            try {
                new Zone(z.id(), corners, set(z.labels()), set(z.streams()));
            } catch (IllegalArgumentException e) {
                require(false, at + ".polygon", e.getMessage());
            }
        }
        for (int i = 0; i < a.lines().size(); i++) {
            AnalyticsSpec.LineEntry l = a.lines().get(i);
            String at = "analytics.lines[" + i + "]";
            require(l.id() != null, at + ".id", "is required");
            require(ids.add(l.id()), at + ".id", "'" + l.id() + "' names two zones or lines");
            require(l.from() != null, at + ".from", "is required: [x, y]");
            require(l.to() != null, at + ".to", "is required: [x, y]");
            Point from = point(l.from(), at + ".from");
            Point to = point(l.to(), at + ".to");
            labels(l.labels(), at + ".labels");
            labels(l.streams(), at + ".streams");
            try {
                new CountingLine(l.id(), from, to, set(l.labels()), set(l.streams()));
            } catch (IllegalArgumentException e) {
                require(false, at, e.getMessage());
            }
        }
    }

    private void window(AnalyticsSpec.WindowEntry w, String at) {
        require(
                (w.tumbling() == null) != (w.sliding() == null),
                at,
                "must be exactly one of: tumbling: 10s, sliding: { size: 1m, slide: 10s }");
        if (w.tumbling() != null) {
            windowLength(w.tumbling(), at + ".tumbling", "window size");
            return;
        }
        require(w.sliding().size() != null, at + ".sliding.size", "is required, e.g. 1m");
        require(w.sliding().slide() != null, at + ".sliding.slide", "is required, e.g. 10s");
        windowLength(w.sliding().size(), at + ".sliding.size", "window size");
        windowLength(w.sliding().slide(), at + ".sliding.slide", "slide");
        require(
                w.sliding().slide().duration().compareTo(w.sliding().size().duration()) <= 0,
                at + ".sliding.slide",
                w.sliding().slide().text()
                        + " must not be longer than the window size ("
                        + w.sliding().size().text()
                        + ")");
    }

    private void windowLength(DurationValue value, String at, String what) {
        require(
                !value.duration().isZero(),
                at,
                "a "
                        + what
                        + " of "
                        + value.text()
                        + " is empty; use a duration above 0, e.g. 10s");
        require(
                value.duration().compareTo(Duration.ofDays(1)) <= 0,
                at,
                value.text() + " is too long; a " + what + " is at most 24h");
    }

    private Point point(List<Double> xy, String at) {
        require(
                xy != null && xy.size() == 2 && xy.get(0) != null && xy.get(1) != null,
                at,
                (xy == null ? "null" : xy) + " is not a point; write [x, y] in pixels");
        try {
            return new Point(xy.get(0), xy.get(1));
        } catch (IllegalArgumentException e) {
            require(false, at, e.getMessage());
            throw e;
        }
    }

    private void labels(List<String> values, String at) {
        if (values == null) {
            return;
        }
        require(!values.isEmpty(), at, "is empty; leave it out to mean all");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            require(v != null && !v.isBlank(), at + "[" + i + "]", "must not be empty");
        }
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    private void sources(List<SourceSpec> sources) {
        require(!sources.isEmpty(), "sources", "needs at least one stream (- uri: video.mp4)");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceSpec s = sources.get(i);
            String at = "sources[" + i + "]";
            if (s.kafka() != null) {
                kafka(s, at);
                continue;
            }
            require(s.uri() != null && !s.uri().isBlank(), at + ".uri", "is required");
            if (s.id() != null) {
                require(
                        STREAM_ID.matcher(s.id()).matches(),
                        at + ".id",
                        "'" + s.id() + "' must be 1-128 letters, digits, '.', '_' or '-'");
                require(ids.add(s.id()), at + ".id", "'" + s.id() + "' is used twice");
            }
            if (s.maxFrames() != null) {
                require(s.maxFrames() >= 1, at + ".max-frames", s.maxFrames() + " must be >= 1");
            }
            live(s, at);
            if (s.sample() != null) {
                sample(s.sample(), at + ".sample");
            }
        }
    }

    /** The live stream keys, with the ranges of the ingest module's LiveStreamOptions. */
    private void live(SourceSpec s, String at) {
        ReconnectSpec r = s.reconnect();
        if (r != null) {
            upTo(r.initialDelay(), at + ".reconnect.initial-delay", Duration.ofHours(1));
            upTo(r.maxDelay(), at + ".reconnect.max-delay", Duration.ofHours(1));
            upTo(r.resetAfter(), at + ".reconnect.reset-after", Duration.ofHours(1));
            if (r.initialDelay() != null && r.maxDelay() != null) {
                require(
                        r.maxDelay().duration().compareTo(r.initialDelay().duration()) >= 0,
                        at + ".reconnect.max-delay",
                        r.maxDelay().text()
                                + " must be at least initial-delay ("
                                + r.initialDelay().text()
                                + ")");
            }
            if (r.maxAttempts() != null) {
                require(
                        r.maxAttempts() >= 0,
                        at + ".reconnect.max-attempts",
                        r.maxAttempts() + " must be >= 0 (0 retries forever)");
            }
        }
        upTo(s.stallTimeout(), at + ".stall-timeout", Duration.ofHours(1));
        if (s.buffer() != null) {
            require(
                    s.buffer() >= 1 && s.buffer() <= MAX_BUFFER,
                    at + ".buffer",
                    s.buffer() + " must be between 1 and " + MAX_BUFFER + " frames");
        }
        if (s.rtspTransport() != null) {
            require(
                    RTSP_TRANSPORTS.contains(s.rtspTransport()),
                    at + ".rtsp-transport",
                    "'" + s.rtspTransport() + "' must be one of: tcp, udp");
        }
    }

    private void upTo(DurationValue value, String at, Duration max) {
        positive(value, at);
        if (value != null) {
            require(
                    value.duration().compareTo(max) <= 0,
                    at,
                    value.text() + " is too long; at most " + max.toHours() + "h");
        }
    }

    private void sample(SampleSpec s, String at) {
        List<String> set = new ArrayList<>();
        if (s.maxFps() != null) {
            set.add("max-fps");
        }
        if (s.every() != null) {
            set.add("every");
        }
        if (s.keyframesOnly() != null) {
            set.add("keyframes-only");
        }
        require(
                set.size() == 1,
                at,
                (set.isEmpty() ? "is empty" : "sets " + String.join(" and ", set))
                        + "; set exactly one of: max-fps: N (frames per second), every: N (every"
                        + " n-th frame), keyframes-only: true");
        if (s.maxFps() != null) {
            require(
                    s.maxFps() > 0 && s.maxFps() <= 1000,
                    at + ".max-fps",
                    s.maxFps() + " must be above 0 and at most 1000 (frames per second)");
        }
        if (s.every() != null) {
            require(s.every() >= 1, at + ".every", s.every() + " must be >= 1");
        }
        if (s.keyframesOnly() != null) {
            require(
                    s.keyframesOnly(),
                    at + ".keyframes-only",
                    "false is not a sampling; write true, or leave sample out to analyse every"
                            + " frame");
        }
    }

    private void watermarks(WatermarkSpec w) {
        Duration hour = Duration.ofHours(1);
        if (w.outOfOrderness() != null) {
            require(
                    w.outOfOrderness().duration().compareTo(hour) <= 0,
                    "watermarks.out-of-orderness",
                    w.outOfOrderness().text() + " is too long; use at most 1h");
        }
        if (w.idleness() != null) {
            require(
                    !w.idleness().duration().isZero()
                            && w.idleness().duration().compareTo(hour) <= 0,
                    "watermarks.idleness",
                    w.idleness().text() + " must be longer than 0 and at most 1h");
        }
    }

    private void kafka(SourceSpec s, String at) {
        String only = "applies to uri sources; a kafka source's streams are its record keys";
        require(s.uri() == null, at + ".uri", "cannot be used with kafka in the same entry");
        require(s.id() == null, at + ".id", only);
        require(s.maxFrames() == null, at + ".max-frames", only);
        String live = "applies to live uri sources; a kafka source reads recorded packets";
        require(s.reconnect() == null, at + ".reconnect", live);
        require(s.stallTimeout() == null, at + ".stall-timeout", live);
        require(s.buffer() == null, at + ".buffer", live);
        require(s.rtspTransport() == null, at + ".rtsp-transport", live);
        if (s.sample() != null) {
            sample(s.sample(), at + ".sample");
            require(
                    s.sample().keyframesOnly() == null,
                    at + ".sample.keyframes-only",
                    "is not supported on a kafka source yet; use max-fps or every");
        }
        KafkaSourceSpec k = s.kafka();
        String key = at + ".kafka";
        require(
                k.bootstrap() != null && !k.bootstrap().isBlank(),
                key + ".bootstrap",
                "is required (host:port)");
        require(k.topic() != null && !k.topic().isBlank(), key + ".topic", "is required");
        if (k.group() != null) {
            require(!k.group().isBlank(), key + ".group", "must not be empty");
        }
        if (k.maxGopBytes() != null) {
            require(
                    k.maxGopBytes() >= MIN_GOP_BYTES && k.maxGopBytes() <= MAX_GOP_BYTES,
                    key + ".max-gop-bytes",
                    k.maxGopBytes()
                            + " must be between "
                            + MIN_GOP_BYTES
                            + " and "
                            + MAX_GOP_BYTES
                            + " bytes");
        }
        for (int j = 0; j < k.streams().size(); j++) {
            String id = k.streams().get(j);
            require(
                    id != null && STREAM_ID.matcher(id).matches(),
                    key + ".streams[" + j + "]",
                    "'" + id + "' must be 1-128 letters, digits, '.', '_' or '-'");
        }
    }

    static final Set<String> BACKENDS = Set.of("auto", "tensorrt", "onnxruntime");
    static final Set<String> PRECISIONS = Set.of("fp32", "fp16");

    private void stages(List<StageSpec> stages) {
        require(
                !stages.isEmpty(),
                "stages",
                "needs a model stage, e.g. - detect: { model: nanodet-coco }");
        Set<String> kindsSeen = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            StageSpec entry = stages.get(i);
            String at = "stages[" + i + "]";
            List<String> kinds = entry.kinds();
            require(!kinds.isEmpty(), at, "is empty; a stage is one of: restore, segment, detect");
            if (kinds.size() > 1) {
                require(
                        false,
                        at,
                        "sets "
                                + String.join(" and ", kinds)
                                + "; each stage is its own list entry (- "
                                + kinds.get(0)
                                + ": ..., - "
                                + kinds.get(1)
                                + ": ...), in the order they run");
            }
            String kind = kinds.get(0);
            String key = at + "." + kind;
            ModelStageSpec stage = entry.stage();
            common(stage, key);
            if (stage instanceof RestoreStageSpec r) {
                restore(r, key);
            } else if (stage instanceof SegmentStageSpec g) {
                segment(g, key);
            } else if (stage instanceof DetectStageSpec d) {
                detect(d, key, kindsSeen.contains("detect"));
                if (d.secondary()) {
                    continue;
                }
            }
            require(
                    kindsSeen.add(kind),
                    key,
                    "is a second "
                            + kind
                            + " stage"
                            + (kind.equals("detect") ? " on whole frames" : "")
                            + "; a pipeline has at most one (its results fill one '"
                            + resultField(kind)
                            + "' field)"
                            + (kind.equals("detect")
                                    ? "; to run a model on detected objects, add on: [label]"
                                    : ""));
        }
    }

    private static String resultField(String kind) {
        return switch (kind) {
            case "restore" -> "restoration";
            case "segment" -> "segmentation";
            default -> "detections";
        };
    }

    /** The keys every stage kind has. */
    private void common(ModelStageSpec s, String at) {
        require(s.model() != null && !s.model().isBlank(), at + ".model", "is required");
        if (s.batchSize() != null) {
            require(
                    s.batchSize() >= 1 && s.batchSize() <= 256,
                    at + ".batch-size",
                    s.batchSize() + " must be between 1 and 256");
        }
        if (s.maxDelay() != null) {
            require(
                    s.maxDelay().duration().compareTo(Duration.ofMinutes(1)) <= 0,
                    at + ".max-delay",
                    s.maxDelay().text() + " is too long; use at most 1m");
        }
        if (s.threads() != null) {
            require(s.threads() >= 1, at + ".threads", s.threads() + " must be >= 1");
        }
        if (s.backend() != null) {
            require(
                    BACKENDS.contains(s.backend()),
                    at + ".backend",
                    "'" + s.backend() + "' must be one of: auto, tensorrt, onnxruntime");
        }
        if (s.precision() != null) {
            require(
                    PRECISIONS.contains(s.precision()),
                    at + ".precision",
                    "'" + s.precision() + "' must be one of: fp32, fp16");
        }
    }

    private void restore(RestoreStageSpec r, String at) {
        if (r.tile() != null) {
            require(
                    r.tile() >= 16 && r.tile() <= 4096,
                    at + ".tile",
                    r.tile() + " must be between 16 and 4096 pixels");
        }
        if (r.overlap() != null) {
            int tile = r.tile() == null ? Integer.MAX_VALUE : r.tile();
            require(
                    r.overlap() >= 0 && 2L * r.overlap() < tile,
                    at + ".overlap",
                    r.overlap() + " must be >= 0 and less than half the tile");
        }
        unit(r.gate(), at + ".gate");
    }

    private void segment(SegmentStageSpec g, String at) {
        unit(g.threshold(), at + ".threshold");
        if (g.minArea() != null) {
            require(
                    g.minArea() >= 0 && !g.minArea().isInfinite(),
                    at + ".min-area",
                    g.minArea() + " must be >= 0 (pixels of the frame)");
        }
        if (g.polygonTolerance() != null) {
            require(
                    g.polygonTolerance() >= 0,
                    at + ".polygon-tolerance",
                    g.polygonTolerance() + " must be >= 0 (cells of the model's mask)");
            require(
                    !Boolean.FALSE.equals(g.polygons()),
                    at + ".polygon-tolerance",
                    "applies to outlines, but polygons is false");
        }
    }

    private void detect(DetectStageSpec d, String at, boolean afterDetect) {
        unit(d.threshold(), at + ".threshold");
        unit(d.iouThreshold(), at + ".iou-threshold");
        if (d.maxDetections() != null) {
            require(
                    d.maxDetections() >= 1,
                    at + ".max-detections",
                    d.maxDetections() + " must be >= 1");
        }
        if (d.on() != null) {
            require(
                    !d.on().isEmpty(),
                    at + ".on",
                    "is empty; list labels of the earlier detect stage, e.g. on: [person]");
            for (int j = 0; j < d.on().size(); j++) {
                String label = d.on().get(j);
                require(
                        label != null && !label.isBlank(),
                        at + ".on[" + j + "]",
                        "must be a label of the earlier detect stage");
            }
            require(
                    afterDetect,
                    at + ".on",
                    "runs on detections of an earlier detect stage, but no detect stage comes"
                            + " before it; list a detect stage on whole frames first");
        }
        if (d.cropPadding() != null) {
            require(
                    d.on() != null,
                    at + ".crop-padding",
                    "applies to a stage on crops; add on: [label] or remove it");
            require(
                    d.cropPadding() >= 0 && d.cropPadding() <= 1,
                    at + ".crop-padding",
                    d.cropPadding() + " must be between 0 and 1 (a fraction of the box)");
        }
    }

    private void sinks(List<SinkSpec> sinks) {
        require(!sinks.isEmpty(), "sinks", "needs at least one sink (- jsonl: { path: out/ })");
        for (int i = 0; i < sinks.size(); i++) {
            SinkSpec s = sinks.get(i);
            String at = "sinks[" + i + "]";
            require(
                    s.kinds().size() == 1,
                    at,
                    "must be exactly one of: "
                            + String.join(", ", SinkSpec.KINDS)
                            + (s.kinds().isEmpty() ? "" : "; it sets " + s.kinds()));
            if (s.postgres() != null) {
                require(
                        s.postgres().url() != null && !s.postgres().url().isBlank(),
                        at + ".postgres.url",
                        "is required (jdbc:postgresql://host:5432/database)");
                require(
                        s.postgres().password() == null || s.postgres().passwordEnv() == null,
                        at + ".postgres.password",
                        "give password or password-env, not both");
                retry(s.postgres().retry(), at + ".postgres.retry");
            } else if (s.mqtt() != null) {
                require(
                        s.mqtt().broker() != null && !s.mqtt().broker().isBlank(),
                        at + ".mqtt.broker",
                        "is required (tcp://host:1883)");
                retry(s.mqtt().retry(), at + ".mqtt.retry");
            } else if (s.video() != null) {
                require(
                        s.video().path() != null && !s.video().path().isBlank(),
                        at + ".video.path",
                        "is required");
            } else if (s.jsonl() != null) {
                require(
                        s.jsonl().path() != null && !s.jsonl().path().isBlank(),
                        at + ".jsonl.path",
                        "is required");
                positive(s.jsonl().rollInterval(), at + ".jsonl.roll-interval");
            } else {
                require(
                        s.kafka().bootstrap() != null && !s.kafka().bootstrap().isBlank(),
                        at + ".kafka.bootstrap",
                        "is required (host:port)");
                require(
                        s.kafka().topic() != null && !s.kafka().topic().isBlank(),
                        at + ".kafka.topic",
                        "is required");
                require(
                        s.kafka().deadLetterTopic() == null
                                || !s.kafka().deadLetterTopic().equals(s.kafka().topic()),
                        at + ".kafka.dead-letter-topic",
                        "'"
                                + s.kafka().deadLetterTopic()
                                + "' is the results topic; dead letters need a topic of their own");
                List<String> topics = new ArrayList<>();
                topics.add(s.kafka().topic());
                String[][] others = {
                    {"dead-letter-topic", s.kafka().deadLetterTopic()},
                    {"windows-topic", s.kafka().windowsTopic()},
                    {"events-topic", s.kafka().eventsTopic()}
                };
                for (String[] other : others) {
                    if (other[1] == null) {
                        continue;
                    }
                    require(
                            !topics.contains(other[1]),
                            at + ".kafka." + other[0],
                            "'"
                                    + other[1]
                                    + "' is already used by this entry; each kind of"
                                    + " record needs a topic of its own");
                    topics.add(other[1]);
                }
                positive(s.kafka().transactionTimeout(), at + ".kafka.transaction-timeout");
            }
        }
    }

    private void retry(RetrySpec r, String at) {
        if (r == null) {
            return;
        }
        if (r.maxAttempts() != null) {
            require(
                    r.maxAttempts() >= 1 && r.maxAttempts() <= 1000,
                    at + ".max-attempts",
                    r.maxAttempts() + " must be between 1 and 1000");
        }
        upTo(r.initialBackoff(), at + ".initial-backoff", Duration.ofHours(1));
        upTo(r.maxBackoff(), at + ".max-backoff", Duration.ofHours(1));
    }

    private void execution(ExecutionSpec e) {
        if (e.parallelism() != null) {
            require(
                    e.parallelism() >= 1,
                    "execution.parallelism",
                    e.parallelism() + " must be >= 1");
        }
        if (e.checkpointInterval() != null) {
            require(
                    e.checkpointInterval().duration().compareTo(Duration.ofMillis(100)) >= 0,
                    "execution.checkpoint-interval",
                    e.checkpointInterval().text() + " is too short; use at least 100ms");
        }
    }

    private void unit(Double value, String at) {
        if (value != null) {
            require(value > 0 && value <= 1, at, value + " must be above 0 and at most 1");
        }
    }

    private void positive(DurationValue value, String at) {
        if (value != null) {
            require(!value.duration().isZero(), at, value.text() + " must be longer than 0");
        }
    }

    private void require(boolean ok, String key, String problem) {
        if (!ok) {
            int line = lines.applyAsInt(key);
            String where = line > 0 ? "line " + line + ": " : "";
            throw new PipelineSpecException(file + ": " + where + key + ": " + problem);
        }
    }
}
