package dev.codearena.judge.sandbox.docker;

import dev.codearena.judge.sandbox.SandboxException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A range of uids owned by this process alone, host-wide. Containers share the host's user
 * namespace, so per-uid kernel limits (RLIMIT_NPROC counts every process of a uid on the host)
 * would couple two worker processes that picked the same uids; a file lock per block makes the
 * choice exclusive for as long as the process lives (the kernel drops the lock when it dies).
 */
final class UidBlock implements AutoCloseable {

    private static final Path LOCK_DIR = Path.of("/run/lock/codearena-sandbox-uids");
    private static final Path FALLBACK_LOCK_DIR = Path.of("/tmp/codearena-sandbox-uids");

    private final int first;
    private final FileChannel channel;
    private final FileLock lock;

    private UidBlock(int first, FileChannel channel, FileLock lock) {
        this.first = first;
        this.channel = channel;
        this.lock = lock;
    }

    static UidBlock acquire(int firstUid, int blockSize, int blocks) throws SandboxException {
        Path dir = lockDir();
        for (int block = 0; block < blocks; block++) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(dir.resolve("block-" + firstUid + "-" + block),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new UidBlock(firstUid + block * blockSize, channel, lock);
                }
                channel.close();
            } catch (OverlappingFileLockException heldByThisProcess) {
                closeQuietly(channel);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new SandboxException("cannot lock a sandbox uid block in " + dir, e);
            }
        }
        throw new SandboxException("all " + blocks + " sandbox uid blocks from " + firstUid + " are taken by other processes");
    }

    /** The first uid of the block. */
    int first() {
        return first;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // released with the channel anyway
        }
        closeQuietly(channel);
    }

    private static Path lockDir() throws SandboxException {
        for (Path dir : new Path[] {LOCK_DIR, FALLBACK_LOCK_DIR}) {
            try {
                return Files.createDirectories(dir);
            } catch (IOException e) {
                // try the next one
            }
        }
        throw new SandboxException("no directory for sandbox uid locks (" + LOCK_DIR + ", " + FALLBACK_LOCK_DIR + ")");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }
}
