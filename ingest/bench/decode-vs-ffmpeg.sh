#!/usr/bin/env bash
# Decode speed of FrameFlow's FFmpegDecoder against the ffmpeg command line on the same 1080p
# H.264 clip, one decoder thread each: `ffmpeg -threads 1 -i CLIP -f null -` versus FFmpegDecoder
# decode-only and decode + BGR24. Prints frames/s per round, medians and ratios.
#
# Usage (from anywhere): ingest/bench/decode-vs-ffmpeg.sh [SOURCE_VIDEO] [ROUNDS] [FRAMES]
#   SOURCE_VIDEO  the video the clip is made from (default: the cached sample vtest.avi, which
#                 `./frameflow demo` fetches)
#   ROUNDS        rounds of each measurement (default 5); FRAMES: clip length (default 300)
# Environment: FFMPEG (default: ffmpeg on the PATH), FRAMEFLOW_CACHE.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ffmpeg_bin="${FFMPEG:-ffmpeg}"

die() {
    echo "decode-vs-ffmpeg: $*" >&2
    exit 2
}

command -v "$ffmpeg_bin" >/dev/null 2>&1 ||
    die "the ffmpeg command line is not installed: apt-get install ffmpeg (Debian/Ubuntu), or set FFMPEG=/path/to/ffmpeg"
command -v mvn >/dev/null 2>&1 || die "Maven (mvn) not found"

source_video="${1:-}"
if [[ -z "$source_video" ]]; then
    cache="${FRAMEFLOW_CACHE:-$HOME/.cache/frameflow}"
    source_video="$(find "$cache/assets" -name vtest.avi -print -quit 2>/dev/null || true)"
    [[ -n "$source_video" ]] ||
        die "no source video given and no cached vtest.avi in $cache: run ./frameflow demo once, or pass a video file"
fi
[[ -f "$source_video" ]] || die "not a file: $source_video"
rounds="${2:-5}"
frames="${3:-300}"

cd "$root"
echo "decode-vs-ffmpeg: building ingest's test classes…" >&2
mvn -B -q -pl ingest -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >&2
clip="$root/ingest/target/bench/clip-1080p-${frames}.mp4"
mkdir -p "$(dirname "$clip")"

"$ffmpeg_bin" -hide_banner -version | head -n 1
exec java --enable-native-access=ALL-UNNAMED \
    -cp "ingest/target/test-classes:ingest/target/classes:common/target/classes:$(cat ingest/target/cp.txt)" \
    io.frameflow.ingest.bench.DecodeVsFfmpegBenchmark "$source_video" "$clip" "$rounds" "$frames" "$ffmpeg_bin"
