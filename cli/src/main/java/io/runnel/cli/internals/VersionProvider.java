package io.runnel.cli.internals;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code runnel --version}: Runnel's version (from the build) and the Java runtime's. */
public final class VersionProvider implements IVersionProvider {

    /** @return the version of Runnel this command was built from, or {@code unknown} */
    public static String runnelVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/runnel/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Runnel's version.properties", e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{
                "runnel " + runnelVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.home") + ")"};
    }
}
