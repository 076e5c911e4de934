package io.runnel.cli.internals;

import io.runnel.cli.CliException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The error policy of {@code runnel}: one line on standard error starting with {@code Error: }, the stack trace
 * only with {@code --verbose}. Usage errors add a pointer to the failing command's {@code --help} and exit with
 * picocli's usage code (2); failures while running exit with 1.
 */
public final class CliErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final String VERBOSE = "--verbose";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = oneLine(ex.getMessage());
        if (message.startsWith("Error: ")) {
            message = message.substring("Error: ".length());
        }
        StringBuilder line = new StringBuilder("Error: ").append(message);
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(". Did you mean: ").append(String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size())))).append('?');
            }
        }
        line.append(" (see '").append(commandLine.getCommandSpec().qualifiedName()).append(" --help')");
        err.println(line);
        if (Arrays.asList(args).contains(VERBOSE)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof ParameterException parameterException) {
            return handleParseException(parameterException, parseResult.originalArgs().toArray(String[]::new));
        }
        Throwable failure = unwrap(ex);
        PrintWriter err = commandLine.getErr();
        commandLine.getOut().flush();
        err.println("Error: " + describe(failure));
        if (isVerbose(parseResult)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    /**
     * @param failure a failure
     * @return its message on one line, followed by the messages of its causes that add something (a
     *     {@link CliException}'s message is complete by itself)
     */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        String message = t.getMessage() == null || t.getMessage().isBlank()
                ? t.getClass().getSimpleName() : oneLine(t.getMessage());
        StringBuilder text = new StringBuilder(message);
        if (t instanceof CliException) {
            return text.toString();
        }
        for (Throwable cause = t.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            String causeMessage = cause.getMessage();
            if (causeMessage != null && !causeMessage.isBlank() && !text.toString().contains(oneLine(causeMessage))) {
                text.append(": ").append(oneLine(causeMessage));
            }
        }
        return text.toString();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof InvocationTargetException || t instanceof UndeclaredThrowableException
                || t instanceof CommandLine.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}
