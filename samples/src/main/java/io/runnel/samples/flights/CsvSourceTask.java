package io.runnel.samples.flights;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.runnel.common.config.AbstractConfig;
import io.runnel.connect.data.Field;
import io.runnel.connect.data.Schema;
import io.runnel.connect.data.SchemaBuilder;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * The task of {@link CsvSourceConnector}: parses the file with Jackson's CSV module and returns up to {@code
 * batch.size} rows per poll.
 *
 * <p>The source partition is {@code {"file": <absolute path>}} and the offset {@code {"row": <data rows read,
 * this one included>}}. A gzip stream cannot seek, so a restarted task reads the file again from its start and
 * skips the rows the stored offset counts; rows after it are sent again if they were sent but not yet acknowledged
 * (at-least-once, as every source connector). The file is read once: at its end the task logs the row count and
 * idles (polls wait up to one second and return null) until it is stopped. A file with fewer rows than the stored
 * offset was replaced; the task fails rather than guess.
 *
 * <p>Errors fail the task with a message naming the file and the data row (1 = the first row after the header): a
 * missing file, a header without the key or typed columns, duplicate column names, a row with a different
 * number of cells than the header, a cell that is not a number in a numeric column. {@link #poll()} runs on the
 * task thread; {@link #stop()} may be called from any thread.
 */
public class CsvSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(CsvSourceTask.class);

    /** The source partition's key. */
    public static final String FILE_FIELD = "file";
    /** The offset's key. */
    public static final String ROW_FIELD = "row";

    private final CountDownLatch stopLatch = new CountDownLatch(1);
    private String file;
    private String topic;
    private int batchSize;
    private Map<String, String> sourcePartition;
    private Schema schema;
    private String[] columns;
    private int keyIndex = -1;
    private Reader reader;
    private MappingIterator<String[]> rows;
    private long row;
    private boolean finished;
    private volatile boolean stopped;

    /** Creates the task; the worker calls this. */
    public CsvSourceTask() {
    }

    @Override
    public String version() {
        return "1.0";
    }

    /**
     * Opens the file, reads its header and skips the rows already sent.
     *
     * @throws ConnectException if the file cannot be read, the header does not name the configured columns, or
     *     the file has fewer rows than the stored offset
     */
    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(CsvSourceConnector.CONFIG_DEF, props);
        Path path = Path.of(config.getString(CsvSourceConnector.FILE_CONFIG)).toAbsolutePath();
        file = path.toString();
        topic = config.getString(CsvSourceConnector.TOPIC_CONFIG);
        batchSize = config.getInt(CsvSourceConnector.BATCH_SIZE_CONFIG);
        sourcePartition = Map.of(FILE_FIELD, file);
        try {
            reader = open(path);
            rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .readerFor(String[].class).readValues(reader);
            if (!rows.hasNextValue()) {
                throw new ConnectException("CSV file " + file + " is empty: expected a header row naming the columns");
            }
            columns = rows.nextValue();
        } catch (NoSuchFileException e) {
            throw new ConnectException("CSV file " + file + " does not exist: check the connector's "
                    + CsvSourceConnector.FILE_CONFIG + " setting", e);
        } catch (IOException e) {
            throw new ConnectException("Cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
        schema = schema(config);
        long stored = storedRow();
        try {
            while (row < stored) {
                if (!rows.hasNextValue()) {
                    throw new ConnectException("CSV file " + file + " has " + row + " rows but the stored offset says "
                            + stored + " were already sent: the file was replaced; give the connector a new name "
                            + "(or delete its offsets) to read it from the start");
                }
                rows.nextValue();
                row++;
            }
        } catch (IOException e) {
            throw new ConnectException("Cannot read CSV file " + file + " after row " + row + ": " + e.getMessage(), e);
        }
        if (stored > 0) {
            log.info("Resuming {} after row {}", file, stored);
        }
    }

    private static Reader open(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
        if (path.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private Schema schema(AbstractConfig config) {
        Set<String> ints = new HashSet<>(config.getList(CsvSourceConnector.INT_FIELDS_CONFIG));
        Set<String> doubles = new HashSet<>(config.getList(CsvSourceConnector.DOUBLE_FIELDS_CONFIG));
        String keyField = config.getString(CsvSourceConnector.KEY_FIELD_CONFIG);
        List<String> header = Arrays.asList(columns);
        if (new HashSet<>(header).size() != header.size()) {
            throw new ConnectException("CSV file " + file + " has duplicate column names in its header " + header);
        }
        for (Set<String> typed : List.of(ints, doubles)) {
            for (String name : typed) {
                if (!header.contains(name)) {
                    throw new ConnectException("Column '" + name + "' is not in the header of " + file + " " + header
                            + ": fix " + CsvSourceConnector.INT_FIELDS_CONFIG + " or "
                            + CsvSourceConnector.DOUBLE_FIELDS_CONFIG);
                }
            }
        }
        if (keyField != null) {
            keyIndex = header.indexOf(keyField);
            if (keyIndex < 0) {
                throw new ConnectException("Key column '" + keyField + "' is not in the header of " + file + " "
                        + header + ": fix " + CsvSourceConnector.KEY_FIELD_CONFIG);
            }
        }
        SchemaBuilder builder = SchemaBuilder.struct().name("csv." + topic);
        for (String column : columns) {
            builder.field(column, ints.contains(column) ? Schema.OPTIONAL_INT32_SCHEMA
                    : doubles.contains(column) ? Schema.OPTIONAL_FLOAT64_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA);
        }
        return builder.build();
    }

    private long storedRow() {
        Map<String, Object> offset = context.offsetStorageReader().offset(sourcePartition);
        if (offset == null) {
            return 0;
        }
        if (!(offset.get(ROW_FIELD) instanceof Number n) || n.longValue() < 0) {
            throw new ConnectException("Stored offset of " + file + " is " + offset + ": expected {\"" + ROW_FIELD
                    + "\": <rows read>}");
        }
        return n.longValue();
    }

    /**
     * @return up to {@code batch.size} rows; null when the file is finished (after waiting up to one second)
     * @throws DataException    if a row is malformed (named by its number)
     * @throws ConnectException if the file cannot be read
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>(finished ? 0 : batchSize);
        synchronized (this) {
            if (!finished && !stopped) {
                read(records);
            }
        }
        if (records.isEmpty()) {
            stopLatch.await(1, TimeUnit.SECONDS);
            return null;
        }
        return records;
    }

    private void read(List<SourceRecord> records) {
        try {
            while (records.size() < batchSize) {
                if (!rows.hasNextValue()) {
                    finished = true;
                    log.info("Read all {} rows of {} into topic {}", row, file, topic);
                    return;
                }
                String[] cells = rows.nextValue();
                row++;
                records.add(record(cells));
            }
        } catch (IOException | RuntimeException e) {
            if (stopped) {
                return;
            }
            if (e instanceof DataException d) {
                throw d;
            }
            throw new ConnectException("Cannot read CSV file " + file + " at data row " + (row + 1) + ": "
                    + e.getMessage(), e);
        }
    }

    private SourceRecord record(String[] cells) {
        if (cells.length != columns.length) {
            throw new DataException("Row " + row + " of " + file + " has " + cells.length + " cells but the header has "
                    + columns.length + " columns " + Arrays.toString(columns) + ": fix the file (quote cells that "
                    + "contain commas)");
        }
        Struct value = new Struct(schema);
        for (Field field : schema.fields()) {
            String cell = cells[field.index()];
            value.put(field, cell.isEmpty() ? null : parse(field, cell));
        }
        Object key = keyIndex < 0 ? null : cells[keyIndex];
        return new SourceRecord(sourcePartition, Map.of(ROW_FIELD, row), topic, null,
                keyIndex < 0 ? null : Schema.STRING_SCHEMA, key, schema, value);
    }

    private Object parse(Field field, String cell) {
        try {
            return switch (field.schema().type()) {
                case INT32 -> Integer.parseInt(cell.trim());
                case FLOAT64 -> Double.parseDouble(cell.trim());
                default -> cell;
            };
        } catch (NumberFormatException e) {
            throw new DataException("Row " + row + " of " + file + ": column '" + field.name() + "' holds '" + cell
                    + "', which is not a " + (field.schema().type() == Schema.Type.INT32 ? "32-bit integer" : "number")
                    + ": fix the file or drop the column from the connector's typed columns", e);
        }
    }

    @Override
    public void stop() {
        stopped = true;
        stopLatch.countDown();
        synchronized (this) {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (reader != null) {
                    reader.close();
                }
            } catch (IOException e) {
                log.warn("Failed to close {}", file, e);
            }
        }
    }
}
