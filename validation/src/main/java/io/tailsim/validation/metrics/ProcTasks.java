package io.tailsim.validation.metrics;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The threads of a process in Linux /proc (PROC_ROOT/PID/task/TID). Threads come and go while they are read: one that
 * exits between the listing and its reads is skipped, and a process that is gone (or a machine without /proc) lists none.
 */
final class ProcTasks {
    private ProcTasks() {
    }

    /** Reads one thread's folder; any IOException or RuntimeException means the thread is gone and it is skipped. */
    interface Reader {
        void read(long tid, Path dir) throws IOException;
    }

    static void forEach(Path procRoot, long pid, Reader reader) {
        Path tasks = procRoot.resolve(Long.toString(pid)).resolve("task");
        if (!Files.isDirectory(tasks)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                try {
                    reader.read(Long.parseLong(t.getFileName().toString()), t);
                } catch (IOException | RuntimeException gone) {
                    // the thread exited between the listing and the reads: it is left out
                }
            }
        } catch (IOException gone) {
            // the process is stopping
        }
    }
}
