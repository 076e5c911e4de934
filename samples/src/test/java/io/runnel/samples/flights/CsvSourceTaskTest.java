package io.runnel.samples.flights;

import io.runnel.connect.data.Schema;
import io.runnel.connect.data.Struct;
import io.runnel.connect.errors.ConnectException;
import io.runnel.connect.errors.DataException;
import io.runnel.connect.source.SourceRecord;
import io.runnel.connect.source.SourceTaskContext;
import io.runnel.connect.storage.OffsetStorageReader;
import io.runnel.connect.test.ConnectorTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSourceTaskTest {

    private static final String AIRPORTS = """
            iata,name,city,state,country,latitude,longitude
            00M,Thigpen ,Bay Springs,MS,USA,31.95376472,-89.23450472
            ABQ,"Albuquerque International, Sunport",Albuquerque,NM,USA,35.04022222,-106.6091944
            XYZ,"Say \"\"hi\"\"",,,USA,,
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReadQuotedCellsKeysAndTypedColumns() throws Exception {
        Path file = write("airports.csv", AIRPORTS);
        CsvSourceTask task = start(Map.of("file", file.toString(), "topic", "airports", "key.field", "iata",
                "double.fields", "latitude,longitude"), null);

        List<SourceRecord> records = task.poll();

        assertThat(records).hasSize(3);
        SourceRecord abq = records.get(1);
        assertThat(abq.key()).isEqualTo("ABQ");
        assertThat(abq.keySchema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThat(abq.topic()).isEqualTo("airports");
        Struct value = (Struct) abq.value();
        assertThat(value.getString("name")).isEqualTo("Albuquerque International, Sunport");
        assertThat(value.getFloat64("latitude")).isEqualTo(35.04022222);
        assertThat(abq.sourcePartition()).isEqualTo(Map.of("file", file.toAbsolutePath().toString()));
        assertThat(abq.sourceOffset()).isEqualTo(Map.of("row", 2L));
        Struct quoted = (Struct) records.get(2).value();
        assertThat(quoted.getString("name")).isEqualTo("Say \"hi\"");
        assertThat(quoted.getString("city")).as("empty cell").isNull();
        assertThat(quoted.get("latitude")).isNull();
        task.stop();
    }

    @Test
    void shouldReadGzipFilesInBatchesAndIdleAtTheEnd() throws Exception {
        StringBuilder csv = new StringBuilder("date,delay,distance,origin,destination\n");
        for (int i = 0; i < 25; i++) {
            csv.append("2001-01-01T00:").append(String.format("%02d", i)).append(',').append(i - 5)
                    .append(",100,LAS,PHL\n");
        }
        Path file = dir.resolve("flights.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        CsvSourceTask task = start(Map.of("file", file.toString(), "topic", "flights",
                "int.fields", "delay,distance", "batch.size", "10"), null);

        List<SourceRecord> all = new ArrayList<>();
        for (int expected : new int[] {10, 10, 5}) {
            List<SourceRecord> batch = task.poll();
            assertThat(batch).hasSize(expected);
            all.addAll(batch);
        }
        assertThat(task.poll()).as("the file is finished").isNull();
        assertThat(all.get(0).key()).isNull();
        assertThat(((Struct) all.get(0).value()).getInt32("delay")).isEqualTo(-5);
        assertThat(((Struct) all.get(24).value()).getInt32("delay")).isEqualTo(19);
        assertThat(all.get(24).sourceOffset()).isEqualTo(Map.of("row", 25L));
        task.stop();
    }

    @Test
    void shouldResumeAfterTheStoredRow() throws Exception {
        Path file = write("airports.csv", AIRPORTS);
        CsvSourceTask task = start(Map.of("file", file.toString(), "topic", "airports", "key.field", "iata"),
                Map.of("row", 2L));

        List<SourceRecord> records = task.poll();

        assertThat(records).extracting(SourceRecord::key).containsExactly("XYZ");
        assertThat(records.get(0).sourceOffset()).isEqualTo(Map.of("row", 3L));
        task.stop();
    }

    @Test
    void shouldFailWhenTheFileHasFewerRowsThanTheStoredOffset() throws IOException {
        Path file = write("airports.csv", AIRPORTS);
        assertThatThrownBy(() -> start(Map.of("file", file.toString(), "topic", "airports"), Map.of("row", 7L)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("has 3 rows but the stored offset says 7");
    }

    @Test
    void shouldNameTheRowAndColumnOfANonNumericCell() throws IOException {
        Path file = write("flights.csv", "date,delay\n2001-01-01T00:01,12\n2001-01-01T00:02,late\n");
        CsvSourceTask task = start(Map.of("file", file.toString(), "topic", "flights", "int.fields", "delay"), null);

        assertThatThrownBy(task::poll).isInstanceOf(DataException.class)
                .hasMessageContaining("Row 2 of").hasMessageContaining("column 'delay' holds 'late'");
        task.stop();
    }

    @Test
    void shouldRejectARowWithTheWrongNumberOfCells() throws IOException {
        Path file = write("airports.csv", "iata,name\nABQ,Albuquerque, Sunport\n");
        CsvSourceTask task = start(Map.of("file", file.toString(), "topic", "airports"), null);

        assertThatThrownBy(task::poll).isInstanceOf(DataException.class)
                .hasMessageContaining("Row 1").hasMessageContaining("has 3 cells but the header has 2 columns");
        task.stop();
    }

    @Test
    void shouldRejectColumnsThatAreNotInTheHeader() throws IOException {
        Path file = write("airports.csv", AIRPORTS);
        assertThatThrownBy(() -> start(Map.of("file", file.toString(), "topic", "a", "key.field", "code"), null))
                .isInstanceOf(ConnectException.class).hasMessageContaining("Key column 'code' is not in the header");
        assertThatThrownBy(() -> start(Map.of("file", file.toString(), "topic", "a", "int.fields", "elevation"),
                null)).isInstanceOf(ConnectException.class).hasMessageContaining("Column 'elevation'");
    }

    @Test
    void shouldRejectAMissingOrEmptyFile() throws IOException {
        assertThatThrownBy(() -> start(Map.of("file", dir.resolve("nope.csv").toString(), "topic", "a"), null))
                .isInstanceOf(ConnectException.class).hasMessageContaining("does not exist");
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> start(Map.of("file", empty.toString(), "topic", "a"), null))
                .isInstanceOf(ConnectException.class).hasMessageContaining("is empty");
    }

    @Test
    void shouldWriteRowsAsPlainJsonThroughTheWorker() throws IOException {
        Path file = write("airports.csv", AIRPORTS);
        try (ConnectorTestDriver driver = ConnectorTestDriver.builder()
                .connector(Map.of("connector.class", "CsvSource", "file", file.toString(), "topic", "airports",
                        "key.field", "iata", "double.fields", "latitude,longitude",
                        "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                        "value.converter", "org.apache.kafka.connect.json.JsonConverter",
                        "value.converter.schemas.enable", "false"))
                .directory(dir.resolve("driver"))
                .build()) {
            driver.pollSource();
            var written = driver.readTopicRaw("airports");
            assertThat(written).hasSize(3);
            assertThat(new String(written.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("00M");
            assertThat(new String(written.get(1).value(), StandardCharsets.UTF_8)).isEqualTo(
                    "{\"iata\":\"ABQ\",\"name\":\"Albuquerque International, Sunport\",\"city\":\"Albuquerque\","
                            + "\"state\":\"NM\",\"country\":\"USA\",\"latitude\":35.04022222,"
                            + "\"longitude\":-106.6091944}");
            driver.commit();
            assertThat(driver.sourceOffset(Map.of("file", file.toAbsolutePath().toString())))
                    .isEqualTo(Map.of("row", 3L));
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static CsvSourceTask start(Map<String, String> props, Map<String, Object> storedOffset) {
        CsvSourceTask task = new CsvSourceTask();
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return storedOffset == null ? null : new HashMap<>(storedOffset);
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                        Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                        partitions.forEach(p -> result.put(p, offset(p)));
                        return result;
                    }
                };
            }
        });
        task.start(props);
        return task;
    }
}
