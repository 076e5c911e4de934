package io.runnel.cli.internals;

import io.runnel.cli.CliException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Helpers the commands share: settings from files and {@code key=value} options, and waiting on futures. */
final class ClientSupport {

    private ClientSupport() {
    }

    /**
     * Parses {@code key=value} arguments (the value may contain '='; an empty value is allowed).
     *
     * @param values      the arguments, may be null
     * @param option      the option's name, for messages ("--config")
     * @param commandLine the command, for the usage error
     * @return the pairs in order
     * @throws ParameterException if an argument has no '=' or an empty key
     */
    static Map<String, String> keyValues(List<String> values, String option, CommandLine commandLine) {
        Map<String, String> result = new LinkedHashMap<>();
        if (values == null) {
            return result;
        }
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(commandLine, "Invalid value for option '" + option + "': '" + value
                        + "' is not of the form key=value");
            }
            result.put(value.substring(0, eq).trim(), value.substring(eq + 1));
        }
        return result;
    }

    /**
     * @param file   a properties file (UTF-8), may be null
     * @param option the option that named it, for messages
     * @return its settings (empty when file is null)
     * @throws CliException if it cannot be read
     */
    static Map<String, String> propertiesFile(Path file, String option) {
        Map<String, String> result = new LinkedHashMap<>();
        if (file == null) {
            return result;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new CliException("The " + option + " file " + file.toAbsolutePath() + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("Could not read the " + option + " file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        for (String name : properties.stringPropertyNames()) {
            result.put(name, properties.getProperty(name));
        }
        return result;
    }

    /**
     * Waits for a client future and rethrows its failure itself (not wrapped), so that the caller can catch the
     * specific exception and the error line shows its message.
     *
     * @param future the future
     * @param <T>    its value type
     * @return the value
     */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = CliErrorHandler.unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CliException(CliErrorHandler.describe(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the log", e);
        }
    }
}
