package io.runnel.connect.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The reported state of a connector or a task, as Kafka Connect's {@code AbstractStatus}: the state, the stack
 * trace of the failure that put it in {@link State#FAILED} (null otherwise) and the worker that runs it.
 * Immutable.
 *
 * @param state    the state
 * @param trace    the failure's stack trace, or null
 * @param workerId the worker's id ({@code host:port} of its REST listener)
 */
public record Status(State state, String trace, String workerId) {

    /** The states Kafka Connect reports, with the same names. */
    public enum State {
        /** Not (or no longer) running on any worker: created but not started yet, or shut down. */
        UNASSIGNED,
        /** Running. */
        RUNNING,
        /** Paused by a user ({@code PUT /connectors/{name}/pause}). */
        PAUSED,
        /** Failed; {@link Status#trace()} says why. A restart recovers it. */
        FAILED,
        /** Being restarted (shown between a restart request and the restart). */
        RESTARTING,
        /** Stopped by a user ({@code PUT /connectors/{name}/stop}); connectors only. */
        STOPPED
    }

    /**
     * @param state    the state
     * @param error    the failure, or null
     * @param workerId the worker
     * @return the status, with the failure's stack trace
     */
    public static Status of(State state, Throwable error, String workerId) {
        return new Status(state, error == null ? null : trace(error), workerId);
    }

    /**
     * @param error a failure
     * @return its full stack trace, causes included
     */
    public static String trace(Throwable error) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            error.printStackTrace(writer);
        }
        return out.toString();
    }
}
