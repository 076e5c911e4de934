package io.runnel.connect.runtime.rest;

import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.runtime.Herder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Connect REST API's HTTP server: Jetty 12 (core handlers, no servlets) on the worker's {@code listeners},
 * serving {@link ConnectRestResource}. The only Jetty user.
 *
 * <p>Lifecycle: {@link #start()} binds every listener (port 0 picks a free port; {@link #url()} gives the bound
 * address), {@link #herder(Herder)} connects the API (requests before answer 503), {@link #close()} stops it.
 * Requests run on a small pool ({@value #MAX_THREADS} threads at most: the herder serializes changes anyway).
 * Thread-safe.
 */
public final class RestServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestServer.class);
    private static final int MAX_THREADS = 16;
    private static final Pattern LISTENER = Pattern.compile("^(\\w+)://([^:/\\s]*|\\[[0-9a-fA-F:]+]):(\\d+)$");

    private final List<String> listeners;
    private final String advertisedHost;
    private final Server server;
    private volatile ConnectRestResource resource;

    /**
     * @param listeners      {@code http://host:port} URIs (an empty host binds every interface)
     * @param advertisedHost the host name for {@link #url()}, or null to use the listener's (or {@code localhost})
     */
    public RestServer(List<String> listeners, String advertisedHost) {
        this.listeners = List.copyOf(listeners);
        this.advertisedHost = advertisedHost;
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("connect-rest");
        pool.setDaemon(true);
        this.server = new Server(pool);
        for (String listener : this.listeners) {
            Matcher m = LISTENER.matcher(listener.trim());
            if (!m.matches()) {
                throw new ConnectException("Invalid REST listener '" + listener + "': expected http://host:port");
            }
            ServerConnector connector = new ServerConnector(server);
            String host = m.group(2);
            if (!host.isEmpty()) {
                connector.setHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            }
            connector.setPort(Integer.parseInt(m.group(3)));
            server.addConnector(connector);
        }
        server.setHandler(new ApiHandler());
    }

    /**
     * Binds every listener.
     *
     * @throws ConnectException naming the listeners if one cannot be bound (port in use...)
     */
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new ConnectException("Could not start the REST server on " + listeners + ": " + e, e);
        }
        log.info("REST server listening on {}", url());
    }

    /** @param herder the herder the API serves */
    public void herder(Herder herder) {
        this.resource = new ConnectRestResource(herder);
    }

    /** @return the first listener's bound address, for example {@code http://127.0.0.1:41234/} */
    public URI url() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = advertisedHost != null ? advertisedHost : connector.getHost();
        if (host == null || host.isEmpty()) {
            host = "localhost";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** Stops the server; idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("Failed to stop the REST server", e);
        }
    }

    /** Splits a raw path into percent-decoded segments (a {@code +} stays a plus: it is not a form). */
    static List<String> segments(String rawPath) {
        List<String> result = new ArrayList<>();
        if (rawPath == null) {
            return result;
        }
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                result.add(percentDecode(part));
            }
        }
        return result;
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private final class ApiHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            ConnectRestResource api = resource;
            ConnectRestResource.Reply reply;
            if (api == null) {
                reply = ConnectRestResource.Reply.json(503, RestJson.error(503, "The worker is starting; retry"));
            } else {
                String body = Content.Source.asString(request, StandardCharsets.UTF_8);
                Map<String, List<String>> query = new LinkedHashMap<>();
                Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
                for (Fields.Field f : fields) {
                    query.put(f.getName(), f.getValues());
                }
                reply = api.handle(request.getMethod(), segments(request.getHttpURI().getPath()), query, body);
            }
            response.setStatus(reply.status());
            if (reply.body() == null) {
                callback.succeeded();
            } else {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, reply.body(), callback);
            }
            return true;
        }
    }
}
