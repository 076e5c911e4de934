package io.runnel.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the runnel command line in-process with a given stdin and environment, capturing its output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(String... args) {
        return withInput("", Map.of(), args);
    }

    static CliRun withInput(String stdin, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new Runnel(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment)
                .commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Runs a command against a log directory: {@code command --bootstrap-server file://dir args...}. */
    static CliRun on(Path dir, String command, String... args) {
        return onWithInput(dir, "", command, args);
    }

    static CliRun onWithInput(Path dir, String stdin, String command, String... args) {
        List<String> all = new ArrayList<>();
        all.add(command);
        all.add("--bootstrap-server");
        all.add("file://" + dir.toAbsolutePath());
        all.addAll(List.of(args));
        return withInput(stdin, Map.of(), all.toArray(String[]::new));
    }

    /** @return the output's lines */
    List<String> lines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0, out.endsWith("\n")
                ? out.split("\n", -1).length - 1 : out.split("\n", -1).length);
    }

    /** @return the error output's lines */
    List<String> errLines() {
        return err.isEmpty() ? List.of() : List.of(err.strip().split("\n"));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
