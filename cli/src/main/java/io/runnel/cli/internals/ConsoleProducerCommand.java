package io.runnel.cli.internals;

import io.runnel.cli.BootstrapServerOption;
import io.runnel.cli.CliException;
import io.runnel.cli.Runnel;
import io.runnel.clients.producer.Callback;
import io.runnel.clients.producer.ProducerRecord;
import io.runnel.clients.producer.RecordMetadata;
import io.runnel.clients.producer.RunnelProducer;
import io.runnel.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** {@code runnel console-producer}: Kafka's {@code kafka-console-producer}: one record per line of standard input. */
@Command(name = "console-producer", sortOptions = false, mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        versionProvider = VersionProvider.class,
        header = "Send lines of standard input as records (Kafka's kafka-console-producer).",
        description = {"Each line becomes one record; keys and headers are parsed from the line with --property "
                + "parse.key=true and parse.headers=true. Ends at the end of input (Ctrl-D) or on Ctrl-C; "
                + "everything read is sent before it exits.", ""},
        footer = {"", "Reader properties (--property name=value, default in brackets):",
                "  parse.key [false]    key.separator [\\t]   null.marker [none]",
                "  parse.headers [false]   headers.delimiter [\\t]   headers.separator [,]",
                "  headers.key.separator [:]   ignore.error [false]",
                "", "Example:",
                "  printf 'k1:hello\\nk2:world\\n' | runnel console-producer \\",
                "      --bootstrap-server /tmp/runnel --topic greetings \\",
                "      --property parse.key=true --property key.separator=:"})
public final class ConsoleProducerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Object parent;

    @Mixin
    BootstrapServerOption bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "<topic>", order = 1,
            description = "The topic to send to (created with the log's defaults if it does not exist and "
                    + "auto.create.topics.enable allows).")
    String topic;

    @Option(names = {"--property", "--reader-property"}, paramLabel = "<name=value>", order = 2,
            description = "A line reader setting (see below); repeatable.")
    List<String> readerProperties;

    @Option(names = "--reader-config", paramLabel = "<file>", order = 3,
            description = "Line reader settings from a properties file; --property wins.")
    Path readerConfig;

    @Option(names = {"--producer-property", "--command-property"}, paramLabel = "<name=value>", order = 4,
            description = "A producer setting (Kafka's names, for example acks=1); repeatable.")
    List<String> producerProperties;

    @Option(names = {"--producer.config", "--command-config"}, paramLabel = "<file>", order = 5,
            description = "Producer settings from a properties file; --producer-property wins.")
    Path producerConfig;

    @Option(names = "--sync", order = 6, description = "Wait for each record to be written before reading the next line.")
    boolean sync;

    @Option(names = "--compression-codec", arity = "0..1", fallbackValue = "gzip", paramLabel = "<codec>", order = 7,
            description = "none, gzip, snappy, lz4 or zstd (gzip if given without a value); sets compression.type.")
    String compressionCodec;

    @Option(names = "--batch-size", paramLabel = "<bytes>", order = 8,
            description = "batch.size when records are not sent synchronously (default 16384).")
    Integer batchSize;

    @Option(names = "--timeout", paramLabel = "<ms>", order = 9,
            description = "linger.ms: how long a record may wait for a fuller batch (default 1000; 0 with --sync).")
    Long lingerMs;

    @Option(names = "--request-required-acks", paramLabel = "<acks>", order = 10,
            description = "acks: 0, 1 or all/-1 (default -1).")
    String acks;

    @Option(names = "--max-block-ms", paramLabel = "<ms>", order = 11,
            description = "max.block.ms: the longest a send may block for metadata or memory (default 60000).")
    Long maxBlockMs;

    /** Failures reported by send callbacks (the producer's sender thread) or by a synchronous send. */
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    @Override
    public Integer call() {
        Map<String, String> readerSettings = ClientSupport.propertiesFile(readerConfig, "--reader-config");
        readerSettings.putAll(ClientSupport.keyValues(readerProperties, "--property", spec.commandLine()));
        LineRecordReader reader = new LineRecordReader(readerSettings);
        Map<String, Object> settings = producerSettings();

        Callback callback = (RecordMetadata metadata, Exception exception) -> {
            if (exception != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, exception);
            }
        };
        long lines = 0;
        try (RunnelProducer<byte[], byte[]> producer = new RunnelProducer<>(settings, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ShutdownHook hook = ShutdownHook.register("console-producer", () -> producer.close(Duration.ofSeconds(30)));
            try {
                lines = produce(producer, reader, callback);
            } finally {
                hook.close();
            }
        }
        if (firstFailure.get() != null) {
            throw new CliException(failed.get() + " of " + lines + " records could not be sent to '" + topic + "': "
                    + CliErrorHandler.describe(firstFailure.get()), firstFailure.get());
        }
        return 0;
    }

    /** Sends one record per line until end of input; returns the number of lines read. */
    private long produce(RunnelProducer<byte[], byte[]> producer, LineRecordReader reader, Callback callback) {
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin(), StandardCharsets.UTF_8));
        long lines = 0;
        String line;
        while ((line = readLine(in)) != null) {
            lines++;
            LineRecordReader.ParsedLine parsed = reader.parse(line, lines);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, parsed.key(), parsed.value(),
                    parsed.headers());
            if (sync) {
                try {
                    ClientSupport.await(producer.send(record, callback));
                } catch (RuntimeException e) {
                    if (firstFailure.compareAndSet(null, e)) {
                        failed.incrementAndGet();
                    }
                    break;
                }
            } else {
                producer.send(record, callback);
            }
        }
        producer.flush();
        return lines;
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new LinkedHashMap<>(ClientSupport.propertiesFile(producerConfig, "--producer.config"));
        settings.putAll(ClientSupport.keyValues(producerProperties, "--producer-property", spec.commandLine()));
        settings.put("bootstrap.servers", bootstrap.bootstrapServers());
        settings.putIfAbsent("client.id", "console-producer");
        merge(settings, "compression.type", compressionCodec, "none");
        merge(settings, "batch.size", batchSize, 16384);
        // A synchronous send waits for its batch to go out, so lingering would only delay every line.
        merge(settings, "linger.ms", lingerMs, sync ? 0L : 1000L);
        merge(settings, "acks", acks, "-1");
        merge(settings, "max.block.ms", maxBlockMs, 60000L);
        return settings;
    }

    /** Kafka's rule: an option given on the command line wins; else a setting from the files wins over the default. */
    private static void merge(Map<String, Object> settings, String name, Object optionValue, Object defaultValue) {
        if (optionValue != null) {
            settings.put(name, optionValue);
        } else {
            settings.putIfAbsent(name, defaultValue);
        }
    }

    private InputStream stdin() {
        return parent instanceof Runnel runnel ? runnel.stdin() : System.in;
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read standard input: " + e.getMessage(), e);
        }
    }
}
