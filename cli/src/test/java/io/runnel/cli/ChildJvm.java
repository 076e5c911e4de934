package io.runnel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts a JVM with the test class path. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder builder(List<String> jvmOptions, String mainClass, String... args) {
        return builder(System.getProperty("java.class.path"), jvmOptions, mainClass, args);
    }

    /**
     * A JVM with the test class path minus slf4j-simple (every module's test logging backend), so that Logback is
     * SLF4J's only provider, as on bin/runnel's class path; optionally without the test classes (and so without the
     * test extensions they register).
     */
    static ProcessBuilder withLogback(boolean testClasses, String mainClass, String... args) {
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("slf4j-simple"))
                .filter(entry -> testClasses || !Path.of(entry).getFileName().toString().equals("test-classes"))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        return builder(classPath, List.of(), mainClass, args);
    }

    private static ProcessBuilder builder(String classPath, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Runs a child to completion (at most 60 s) and returns its exit code and output. */
    static CliRun run(ProcessBuilder builder, Map<String, String> environment) throws IOException, InterruptedException {
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish within 60 s: " + builder.command());
        }
        return new CliRun(process.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
