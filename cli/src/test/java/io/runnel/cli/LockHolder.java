package io.runnel.cli;

import io.runnel.server.EmbeddedLog;

import java.nio.file.Path;

/**
 * A child process for tests: opens the embedded log in a directory (taking its lock), prints "ready", and keeps it
 * open until its standard input closes.
 */
public final class LockHolder {

    private LockHolder() {
    }

    /**
     * @param args the log directory
     * @throws Exception if the log cannot be opened
     */
    public static void main(String[] args) throws Exception {
        try (EmbeddedLog log = EmbeddedLog.open(Path.of(args[0]))) {
            System.out.println("ready " + ProcessHandle.current().pid() + " " + log.directory());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the parent to close our standard input.
            }
        }
    }
}
