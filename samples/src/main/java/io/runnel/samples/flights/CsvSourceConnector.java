package io.runnel.samples.flights;

import io.runnel.common.config.AbstractConfig;
import io.runnel.common.config.ConfigDef;
import io.runnel.connect.connector.Task;
import io.runnel.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file with a header row (RFC 4180: quoted fields may hold commas, quotes and line breaks) into a
 * topic, one record per row, through the connector SPI. Plain files and gzip files ({@code .gz}) are read.
 *
 * <p>Each record's value is a struct with one field per column, named by the header: strings, except the columns
 * listed in {@value #INT_FIELDS_CONFIG} (INT32) and {@value #DOUBLE_FIELDS_CONFIG} (FLOAT64); every field is
 * optional and an empty cell is null. With {@value #KEY_FIELD_CONFIG} the record's key is that column's text,
 * which is how a compacted topic keyed by an identifier is filled; without it the key is null. The record's
 * timestamp is left to the producer (the ingest time). Use any value converter: with Kafka's JSON converter and
 * {@code schemas.enable=false} a row becomes a plain JSON object.
 *
 * <p>Settings:
 * <table>
 *   <caption>CSV source settings</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #FILE_CONFIG}</td><td>(required)</td><td>the CSV file; a name ending in {@code .gz} is
 *   read through gzip</td></tr>
 *   <tr><td>{@value #TOPIC_CONFIG}</td><td>(required)</td><td>the topic to write to</td></tr>
 *   <tr><td>{@value #KEY_FIELD_CONFIG}</td><td>none</td><td>the column whose text becomes the key</td></tr>
 *   <tr><td>{@value #INT_FIELDS_CONFIG}</td><td>empty</td><td>columns parsed as 32-bit integers</td></tr>
 *   <tr><td>{@value #DOUBLE_FIELDS_CONFIG}</td><td>empty</td><td>columns parsed as doubles</td></tr>
 *   <tr><td>{@value #BATCH_SIZE_CONFIG}</td><td>2000</td><td>the most records one poll returns</td></tr>
 * </table>
 *
 * <p>One task reads the file whatever {@code tasks.max} says: one file has one reader. Offsets count data rows
 * (see {@link CsvSourceTask}), so a restarted connector continues after the last row the log acknowledged and a
 * finished file is not read again.
 */
public class CsvSourceConnector extends SourceConnector {

    /** The CSV file to read. */
    public static final String FILE_CONFIG = "file";
    /** The topic to write to. */
    public static final String TOPIC_CONFIG = "topic";
    /** The column used as the record key. */
    public static final String KEY_FIELD_CONFIG = "key.field";
    /** Columns read as INT32. */
    public static final String INT_FIELDS_CONFIG = "int.fields";
    /** Columns read as FLOAT64. */
    public static final String DOUBLE_FIELDS_CONFIG = "double.fields";
    /** The most records per poll. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(FILE_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "The CSV file to read (gzip when its name ends with .gz)")
            .define(TOPIC_CONFIG, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "The topic to write the rows to")
            .define(KEY_FIELD_CONFIG, ConfigDef.Type.STRING, null, ConfigDef.Importance.MEDIUM,
                    "The column whose text becomes the record key; none gives null keys")
            .define(INT_FIELDS_CONFIG, ConfigDef.Type.LIST, "", ConfigDef.Importance.MEDIUM,
                    "Columns parsed as 32-bit integers")
            .define(DOUBLE_FIELDS_CONFIG, ConfigDef.Type.LIST, "", ConfigDef.Importance.MEDIUM,
                    "Columns parsed as doubles")
            .define(BATCH_SIZE_CONFIG, ConfigDef.Type.INT, 2000, ConfigDef.Range.atLeast(1),
                    ConfigDef.Importance.LOW, "The most records one poll returns");

    private Map<String, String> taskProps;

    /** Creates the connector; the worker calls this. */
    public CsvSourceConnector() {
    }

    @Override
    public String version() {
        return "1.0";
    }

    /**
     * @throws io.runnel.common.config.ConfigException if a setting is missing or malformed
     */
    @Override
    public void start(Map<String, String> props) {
        new AbstractConfig(CONFIG_DEF, props);
        taskProps = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CsvSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(taskProps);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }
}
