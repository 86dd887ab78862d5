package io.frameflow.inference.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock between processes (an OS file lock) and between threads of this process (file
 * locks are held per process, so threads also need a plain lock per file).
 */
final class DirectoryLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> THREAD_LOCKS =
            new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DirectoryLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Blocks until the lock is held.
     *
     * @param onWait called once, before blocking, if another thread or process holds the lock
     */
    static DirectoryLock acquire(Path lockFile, Runnable onWait) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        if (threadLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("lock " + key + " is already held by this thread");
        }
        boolean waited = false;
        if (!threadLock.tryLock()) {
            onWait.run();
            waited = true;
            threadLock.lock();
        }
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel =
                    FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock fileLock = channel.tryLock();
                if (fileLock == null) {
                    if (!waited) {
                        onWait.run();
                    }
                    fileLock = channel.lock();
                }
                return new DirectoryLock(threadLock, channel, fileLock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            threadLock.unlock();
            throw new UncheckedIOException("cannot lock " + key, e);
        } catch (RuntimeException e) {
            threadLock.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release lock", e);
        } finally {
            threadLock.unlock();
        }
    }
}
