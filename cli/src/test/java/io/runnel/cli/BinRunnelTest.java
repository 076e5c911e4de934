package io.runnel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs bin/runnel as a subprocess. It needs bin/runnel's build output (samples/target/runnel-samples.jar and
 * samples/target/lib/, made by bin/runnel itself or {@code mvn -pl samples -am package}); without it the test is
 * skipped (an assumption), because building inside a test would take minutes. RUNNEL_SKIP_BUILD=1 keeps the script
 * from rebuilding when sources are newer than that output.
 */
class BinRunnelTest {

    @TempDir
    Path workingDirectory;

    private static Path repositoryRoot() {
        String fromMaven = System.getProperty("runnel.repository.root");
        Path candidate = fromMaven != null ? Path.of(fromMaven) : Path.of("").toAbsolutePath();
        while (candidate != null && !Files.isRegularFile(candidate.resolve("bin/runnel"))) {
            candidate = candidate.getParent();
        }
        return candidate;
    }

    private CliRun runnel(Path script, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = script.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove("RUNNEL_BOOTSTRAP_SERVER");
        builder.environment().remove("RUNNEL_LOG_LEVEL");
        return ChildJvm.run(builder, Map.of("RUNNEL_SKIP_BUILD", "1"));
    }

    @Test
    void shouldRunFromAnyDirectoryAndThroughASymbolicLinkAndPropagateTheExitCode() throws Exception {
        Path root = repositoryRoot();
        assumeTrue(root != null, "bin/runnel not found above the working directory");
        assumeTrue(Files.isRegularFile(root.resolve("samples/target/runnel-samples.jar"))
                        && Files.isDirectory(root.resolve("samples/target/lib")),
                "bin/runnel's build output (samples/target/runnel-samples.jar, samples/target/lib) is missing: "
                        + "run bin/runnel once or mvn -pl samples -am package");
        Path script = root.resolve("bin/runnel");

        CliRun version = runnel(script, "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("runnel ");
        assertThat(version.err()).isEmpty();

        Path link = Files.createSymbolicLink(workingDirectory.resolve("runnel"), script);
        CliRun viaLink = runnel(link, "--version");
        assertThat(viaLink.exitCode()).isZero();
        assertThat(viaLink.out()).isEqualTo(version.out());

        CliRun usage = runnel(script, "topics", "--lisst");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Error: Unknown option: '--lisst'");

        CliRun relative = runnel(script, "topics", "--bootstrap-server", "data", "--create", "--topic", "t");
        assertThat(relative.exitCode()).as(relative.toString()).isZero();
        assertThat(Files.isDirectory(workingDirectory.resolve("data/t-0"))).isTrue();
    }
}
