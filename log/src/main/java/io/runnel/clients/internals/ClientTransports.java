package io.runnel.clients.internals;

import io.runnel.clients.CommonClientConfigs;
import io.runnel.clients.RunnelClient;
import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigException;
import io.runnel.server.EmbeddedLog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns a client's {@code bootstrap.servers} into a {@link RunnelClient}: today the in-process transport of the
 * embedded log; tomorrow the network one. The only place clients touch the server package.
 */
public final class ClientTransports {

    private ClientTransports() {
    }

    /**
     * Opens the transport a client configuration names.
     *
     * @param config   the client's parsed configuration ({@code bootstrap.servers}, {@code broker.*})
     * @param clientId the client id
     * @param kind     "producer", "consumer" or "admin", for messages
     * @return the transport; the caller closes it
     * @throws ConfigException if {@code bootstrap.servers} names no embedded log, a network address, or several logs
     */
    public static RunnelClient open(AbstractConfig config, String clientId, String kind) {
        Path dir = embeddedDirectory(config.getList(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        Map<String, Object> broker = config.originalsWithPrefix(CommonClientConfigs.BROKER_PREFIX);
        try (EmbeddedLog handle = EmbeddedLog.openForClient(dir, broker, kind + " " + clientId)) {
            return handle.newClient(clientId);
        }
    }

    /**
     * @param servers the {@code bootstrap.servers} entries
     * @return the embedded log directory they name
     * @throws ConfigException if they name none, several, or a network address
     */
    public static Path embeddedDirectory(List<String> servers) {
        String key = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
        if (servers == null || servers.isEmpty() || servers.stream().allMatch(String::isBlank)) {
            throw new ConfigException(key + " is empty: set it to file:///path/to/dir to use the embedded log in that "
                    + "directory");
        }
        List<String> network = servers.stream().filter(s -> !s.isBlank() && !s.startsWith("file:")).toList();
        if (!network.isEmpty()) {
            throw new ConfigException(key + "=" + String.join(",", servers) + ": connecting to " + network.get(0)
                    + " over the network is not supported yet; use file:///path/to/dir to reach the embedded log");
        }
        List<String> files = servers.stream().filter(s -> s.startsWith("file:")).toList();
        if (files.size() > 1) {
            throw new ConfigException(key + "=" + String.join(",", servers) + " names several embedded logs; a client "
                    + "reaches exactly one");
        }
        return parse(files.get(0));
    }

    private static Path parse(String uri) {
        String rest = uri.substring("file:".length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
            if (rest.startsWith("localhost/")) {
                rest = rest.substring("localhost".length());
            }
            if (!rest.startsWith("/")) {
                throw new ConfigException("bootstrap.servers=" + uri + " is not a file URI this client understands: use "
                        + "file:///absolute/path or file:relative/path");
            }
        }
        if (rest.isEmpty()) {
            throw new ConfigException("bootstrap.servers=" + uri + " has no path: use file:///path/to/dir");
        }
        return Path.of(rest);
    }
}
