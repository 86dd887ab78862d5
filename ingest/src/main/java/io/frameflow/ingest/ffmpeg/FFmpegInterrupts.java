package io.frameflow.ingest.ffmpeg;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.Pointer;

/**
 * FFmpeg's interrupt callback, which it polls while it waits for I/O: returning 1 makes the blocked
 * call return {@code AVERROR_EXIT}. This is how a dead network stream gives up after its deadline
 * and how another thread aborts a blocked read.
 *
 * <p>JavaCPP backs each callback instance with one of a small, fixed number of native thunks, so
 * one callback serves every open input; it finds the input's {@link Deadline} by the address of its
 * format context, which FFmpeg hands back as the callback's {@code opaque} argument.
 */
final class FFmpegInterrupts {

    private static final Map<Long, Deadline> DEADLINES = new ConcurrentHashMap<>();
    private static final Callback CALLBACK = new Callback();

    private FFmpegInterrupts() {}

    /** Installs the callback on {@code fmt}, before it is opened. */
    static void attach(AVFormatContext fmt, Deadline deadline) {
        DEADLINES.put(fmt.address(), deadline);
        AVIOInterruptCB cb = fmt.interrupt_callback();
        cb.callback(CALLBACK);
        cb.opaque(fmt);
    }

    /**
     * Forgets the input whose format context had {@code address}; call after it is freed. Only
     * removes {@code deadline}'s entry: once freed, the address may already belong to another
     * input.
     */
    static void detach(long address, Deadline deadline) {
        DEADLINES.remove(address, deadline);
    }

    /** When the current blocking call of one input must give up. Written by any thread. */
    static final class Deadline {
        private static final long NONE = Long.MAX_VALUE;

        private volatile long deadlineNanos = NONE;
        private volatile long frameDeadlineNanos = NONE;
        private volatile boolean interrupted;

        /** Arms the deadline for the next blocking call. */
        void arm(Duration timeout) {
            deadlineNanos = System.nanoTime() + timeout.toNanos();
        }

        void disarm() {
            deadlineNanos = NONE;
        }

        /**
         * Arms the frame deadline, which spans many calls: until it is armed again (when a picture
         * arrives), every blocking call gives up once it has passed.
         */
        void armFrameDeadline(Duration timeout) {
            frameDeadlineNanos = System.nanoTime() + timeout.toNanos();
        }

        boolean frameExpired() {
            long d = frameDeadlineNanos;
            return d != NONE && System.nanoTime() - d > 0;
        }

        /** Makes the current (or next) blocking call return at once. */
        void interrupt() {
            interrupted = true;
        }

        void clearInterrupt() {
            interrupted = false;
        }

        boolean isInterrupted() {
            return interrupted;
        }

        boolean expired() {
            long d = deadlineNanos;
            return d != NONE && System.nanoTime() - d > 0;
        }

        boolean shouldStop() {
            return interrupted || expired() || frameExpired();
        }
    }

    private static final class Callback extends AVIOInterruptCB.Callback_Pointer {
        @Override
        public int call(Pointer opaque) {
            Deadline d = opaque == null ? null : DEADLINES.get(opaque.address());
            return d != null && d.shouldStop() ? 1 : 0;
        }
    }
}
