package io.runnel.cli.internals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the CLI's logging before the first logger exists: Logback reads {@code io/runnel/cli/logback-cli.xml}
 * (everything to standard error, so that standard output carries only the command's output) at the level in the
 * system property {@code runnel.log.level}: {@code RUNNEL_LOG_LEVEL} if set, else INFO with {@code --verbose},
 * else WARN. A {@code logback.configurationFile} or {@code runnel.log.level} given with {@code -D} wins.
 */
public final class LoggingSetup {

    /** The system property Logback reads the configuration file name from. */
    public static final String LOGBACK_CONFIGURATION_FILE = "logback.configurationFile";
    /** The system property the CLI's Logback configuration reads the level from. */
    public static final String LEVEL_PROPERTY = "runnel.log.level";
    /** The CLI's Logback configuration, a class path resource. */
    public static final String CONFIGURATION_RESOURCE = "io/runnel/cli/logback-cli.xml";

    private LoggingSetup() {
    }

    /**
     * @param args        the command line (looked at for {@code --verbose})
     * @param environment the environment (looked at for {@code RUNNEL_LOG_LEVEL})
     */
    public static void configure(String[] args, Map<String, String> environment) {
        if (System.getProperty(LOGBACK_CONFIGURATION_FILE) == null) {
            System.setProperty(LOGBACK_CONFIGURATION_FILE, CONFIGURATION_RESOURCE);
        }
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, level(args, environment));
        }
    }

    static String level(String[] args, Map<String, String> environment) {
        String fromEnvironment = environment.get("RUNNEL_LOG_LEVEL");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim().toUpperCase(Locale.ROOT);
        }
        return Arrays.asList(args).contains(CliErrorHandler.VERBOSE) ? "INFO" : "WARN";
    }
}
