package io.runnel.cli.internals;

import io.runnel.connect.runtime.standalone.ConnectStandalone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/*
 * The worker runs until the JVM is asked to stop (Ctrl-C, SIGTERM): a shutdown hook closes it (REST API, then
 * connectors and tasks within task.shutdown.graceful.timeout.ms, flushing offsets), and the command returns when
 * awaitStop() says the close is done. In-process callers (tests) stop it through running().close().
 */

/** {@code runnel connect-standalone}: Kafka's {@code connect-standalone.sh}: a standalone Connect worker. */
@Command(name = "connect-standalone", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Run a standalone Kafka Connect worker (Kafka's connect-standalone).",
        description = {"The worker properties give bootstrap.servers (file:///path for a log directory), the "
                + "converters, offset.storage.file.filename and listeners (the REST API); each connector file "
                + "gives name, connector.class and the connector's settings. Runs until Ctrl-C or SIGTERM, then "
                + "stops the connectors and flushes their offsets.", ""},
        footer = {"", "Example:",
                "  runnel connect-standalone worker.properties file-source.properties"})
public final class ConnectStandaloneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<worker.properties>",
            description = "The worker's settings (Kafka Connect's worker configuration names).")
    Path workerProperties;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "<connector.properties>",
            description = "One properties file per connector to start.")
    List<Path> connectorProperties;

    private volatile ConnectStandalone running;

    /** @return the running worker, or null before it started and after the command returned */
    ConnectStandalone running() {
        return running;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<Path> connectors = connectorProperties == null ? List.of() : connectorProperties;
        ConnectStandalone connect = ConnectStandalone.start(workerProperties, connectors);
        ShutdownHook hook = ShutdownHook.register("connect-standalone", connect::close);
        try {
            running = connect;
            PrintWriter out = spec.commandLine().getOut();
            out.println("Connect worker started with " + connectors.size() + " connector"
                    + (connectors.size() == 1 ? "" : "s") + "; REST API at " + connect.restUrl()
                    + " (stop with Ctrl-C)");
            out.flush();
            connect.awaitStop();
        } finally {
            running = null;
            connect.close();
            hook.close();
        }
        return 0;
    }
}
