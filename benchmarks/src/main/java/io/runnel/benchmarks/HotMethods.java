package io.runnel.benchmarks;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the time goes in a JFR recording, in a few lines: the CPU samples ({@code jdk.ExecutionSample}, threads
 * running Java code) counted by the method on top of the stack (self time), by the first Runnel method on the stack
 * (the Runnel code that caused the time, library code it calls included; benchmark classes skipped) and by thread;
 * then the native samples ({@code jdk.NativeMethodSample}: threads in native code, such as RocksDB's JNI calls,
 * file I/O or waiting in the kernel) by the Java method that made the native call. JDK 17's {@code jfr} tool has no
 * {@code view hot-methods} (JDK 21 added it); this is that view plus the Runnel attribution.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.runnel.benchmarks.HotMethods [-n N] PATH...},
 * where each path is a {@code .jfr} file or a directory searched for them (as {@code -prof jfr:dir=DIR} leaves
 * one per benchmark and parameter combination). {@code bin/runnel-bench --profile} runs it after the benchmarks.
 * Prints to standard output; exits with 2 on bad arguments and 1 when a file cannot be read.
 */
public final class HotMethods {

    private static final String RUNNEL = "io.runnel.";
    private static final String BENCHMARKS = "io.runnel.benchmarks.";

    private HotMethods() {
    }

    /**
     * Prints the summary of each recording.
     *
     * @param args {@code [-n N] PATH...}: N lines per table (default 8)
     * @throws IOException if a directory cannot be walked
     */
    public static void main(String[] args) throws IOException {
        int top = 8;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-n") && i + 1 < args.length) {
                top = Integer.parseInt(args[++i]);
            } else if (args[i].startsWith("-")) {
                usage("unknown option " + args[i]);
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        if (paths.isEmpty()) {
            usage("no recording given");
        }
        List<Path> recordings = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".jfr")).sorted().forEach(recordings::add);
                }
            } else if (Files.isRegularFile(path)) {
                recordings.add(path);
            } else {
                usage(path + " is neither a .jfr file nor a directory");
            }
        }
        int failures = 0;
        for (Path recording : recordings) {
            try {
                summarize(recording, top, System.out);
            } catch (IOException e) {
                System.err.println(recording + ": cannot read the recording: " + e.getMessage());
                failures++;
            }
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println("HotMethods: " + problem);
        System.err.println("usage: java -cp benchmarks/target/benchmarks.jar io.runnel.benchmarks.HotMethods"
                + " [-n N] RECORDING.jfr|DIRECTORY...");
        System.exit(2);
    }

    /**
     * Prints one recording's tables.
     *
     * @param recording a JFR file
     * @param top       lines per table
     * @param out       where to print
     * @throws IOException if the file cannot be read or is not a recording
     */
    static void summarize(Path recording, int top, PrintStream out) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> runnel = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> nativeCalls = new HashMap<>();
        int samples = 0;
        int nativeSamples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                if (type.equals("jdk.NativeMethodSample")) {
                    nativeSamples++;
                    nativeCalls.merge(name(stack.getFrames().get(0).getMethod()), 1, Integer::sum);
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample")) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                for (RecordedFrame frame : frames) {
                    String owner = frame.getMethod().getType().getName();
                    if (owner.startsWith(RUNNEL) && !owner.startsWith(BENCHMARKS)) {
                        runnel.merge(name(frame.getMethod()), 1, Integer::sum);
                        break;
                    }
                }
                RecordedThread thread = event.getThread("sampledThread");
                threads.merge(thread == null ? "?" : String.valueOf(thread.getJavaName()), 1, Integer::sum);
            }
        }
        out.printf("%n== %s: %d CPU samples%n", recording, samples);
        print("self (top frame)", self, samples, top, out);
        print("first Runnel frame (callees included)", runnel, samples, top, out);
        print("thread", threads, samples, top, out);
        out.printf("  %d native samples (threads in native code: JNI, I/O, waits), by the Java method calling it:%n",
                nativeSamples);
        print("native method", nativeCalls, nativeSamples, top, out);
    }

    private static String name(RecordedMethod method) {
        String type = method.getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top, PrintStream out) {
        out.printf("  by %s:%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }
}
