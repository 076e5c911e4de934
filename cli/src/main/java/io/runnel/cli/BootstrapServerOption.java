package io.runnel.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code --bootstrap-server} option of Kafka's tools, as a picocli mixin ({@code @Mixin BootstrapServerOption
 * bootstrap;}). It accepts what a client's {@code bootstrap.servers} accepts ({@code file:///path} for the embedded
 * log, {@code host:port} once the network server exists) and also a bare directory path, which it turns into
 * {@code file://<absolute path>}. Without the option, the {@value Runnel#BOOTSTRAP_SERVER_ENV} environment
 * variable supplies the value.
 *
 * <p>Not thread-safe (picocli fills it while parsing).
 */
public final class BootstrapServerOption {

    private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern HOST_PORT_LIST = Pattern.compile("[^/\\\\\\s:,]+:\\d+(,[^/\\\\\\s:,]+:\\d+)*");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--bootstrap-server", paramLabel = "<server>", order = 0,
            description = {"The log to use: file:///path/to/dir for a log directory; a bare directory path works "
                    + "too. Defaults to the RUNNEL_BOOTSTRAP_SERVER environment variable."})
    String value;

    /**
     * @return the {@code bootstrap.servers} value for clients: the option, else the environment variable,
     *     resolved by {@link #resolve(String)}
     * @throws ParameterException (a usage error) if neither is given
     */
    public String bootstrapServers() {
        String raw = value;
        if (raw == null || raw.isBlank()) {
            raw = environment().get(Runnel.BOOTSTRAP_SERVER_ENV);
        }
        if (raw == null || raw.isBlank()) {
            throw new ParameterException(mixee.commandLine(), "Missing required option: '--bootstrap-server=<server>'"
                    + " (or set " + Runnel.BOOTSTRAP_SERVER_ENV + ")");
        }
        return resolve(raw.trim());
    }

    /**
     * Turns a {@code --bootstrap-server} value into a {@code bootstrap.servers} value: a value with a URI scheme
     * ({@code file:///dir}, {@code file:dir}) or a {@code host:port} list is returned unchanged; anything else is
     * taken as a directory path and becomes {@code file://<absolute normalized path>}.
     *
     * @param value the option's value; not null
     * @return the client setting
     */
    public static String resolve(String value) {
        if (HOST_PORT_LIST.matcher(value).matches() || (URI_SCHEME.matcher(value).matches() && !looksLikeWindowsDrive(value))) {
            return value;
        }
        return "file://" + Path.of(value).toAbsolutePath().normalize();
    }

    private static boolean looksLikeWindowsDrive(String value) {
        return value.length() >= 3 && Character.isLetter(value.charAt(0)) && value.charAt(1) == ':'
                && (value.charAt(2) == '\\' || value.charAt(2) == '/');
    }

    private Map<String, String> environment() {
        CommandSpec root = mixee;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root.userObject() instanceof Runnel runnel ? runnel.environment() : System.getenv();
    }
}
