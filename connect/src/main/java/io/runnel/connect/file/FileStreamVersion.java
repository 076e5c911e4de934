package io.runnel.connect.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Runnel's version, as the build wrote it into {@code version.properties}. */
final class FileStreamVersion {

    static final String VERSION = load();

    private FileStreamVersion() {
    }

    private static String load() {
        try (InputStream in = FileStreamVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
