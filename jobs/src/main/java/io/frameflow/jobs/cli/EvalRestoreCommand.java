package io.frameflow.jobs.cli;

import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.detect.DetectorFactory;
import io.frameflow.inference.detect.DetectorOptions;
import io.frameflow.inference.restore.RestorerFactory;
import io.frameflow.inference.restore.RestorerOptions;
import io.frameflow.inference.runtime.RuntimeOptions;
import io.frameflow.jobs.bench.RestorationEffect;
import io.frameflow.jobs.samples.SampleVideos;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code frameflow eval-restore}: a denoiser judged by what it does to detection. */
@Command(
        name = "eval-restore",
        mixinStandardHelpOptions = true,
        description = {
            "Detects objects in frames of a video four ways - clean, clean then restored, with",
            "Gaussian noise added, noisy then restored - and matches each way's detections",
            "against those on the clean frames (same label, IoU >= 0.5)."
        })
final class EvalRestoreCommand implements Callable<Integer> {
    @ParentCommand FrameflowCommand top;

    @Option(
            names = "--restore",
            paramLabel = "MODEL",
            defaultValue = "waifu2x-noise3",
            description = "Restoration model (default: ${DEFAULT-VALUE}).")
    String restore;

    @Option(
            names = "--detect",
            paramLabel = "MODEL",
            defaultValue = "nanodet-coco",
            description = "Detection model (default: ${DEFAULT-VALUE}).")
    String detect;

    @Option(
            names = "--video",
            paramLabel = "URI",
            defaultValue = "sample:vtest.avi",
            description = "Video to take frames from (default: ${DEFAULT-VALUE}).")
    String video;

    @Option(
            names = "--frames",
            paramLabel = "N",
            defaultValue = "20",
            description = "Frames to analyse (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(
            names = "--step",
            paramLabel = "N",
            defaultValue = "40",
            description = "Take every N-th frame (default: ${DEFAULT-VALUE}).")
    int step;

    @Option(
            names = "--sigma",
            paramLabel = "S",
            defaultValue = "0.08",
            description = "Noise standard deviation, 0..1 scale (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        RestorationEffect.Options options =
                new RestorationEffect.Options(
                        SampleVideos.isSample(video)
                                ? SampleVideos.resolve(video, top.cache(), top.terminal::step)
                                        .toString()
                                : video,
                        frames,
                        step,
                        sigma,
                        seed,
                        0.5);
        RuntimeOptions runtime = RuntimeOptions.defaults().withMaxBatchSize(1);
        FetchedModel restorer = top.models().fetch(restore, top.terminal::step);
        FetchedModel detector = top.models().fetch(detect, top.terminal::step);
        List<RestorationEffect.Row> rows =
                RestorationEffect.run(
                        new DetectorFactory(
                                detector,
                                DetectorOptions.from(detector.spec().defaults())
                                        .withRuntime(runtime)),
                        new RestorerFactory(
                                restorer, RestorerOptions.defaults().withRuntime(runtime)),
                        options,
                        top.terminal::progress);
        top.terminal.result(
                String.format(
                        Locale.ROOT,
                        "%s then %s on %d frames of %s (every %d-th), noise sigma %.3f:",
                        restorer.modelId(),
                        detector.modelId(),
                        frames,
                        video,
                        step,
                        sigma));
        top.terminal.result(
                String.format(
                        Locale.ROOT,
                        "%-17s %10s %9s %7s %6s %9s %12s",
                        "frames",
                        "det/frame",
                        "precision",
                        "recall",
                        "F1",
                        "PSNR dB",
                        "restore ms"));
        for (RestorationEffect.Row row : rows) {
            top.terminal.result(
                    String.format(
                            Locale.ROOT,
                            "%-17s %10.2f %9.3f %7.3f %6.3f %9.2f %12.0f",
                            row.condition(),
                            row.detectionsPerFrame(),
                            row.precision(),
                            row.recall(),
                            row.f1(),
                            row.psnr(),
                            row.restoreMillisPerFrame()));
        }
        return 0;
    }
}
