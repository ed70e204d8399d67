package io.trackingsystem.gateway.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs a script of {@code src/test/js}, whose dependencies the build installs with {@code npm ci}. */
final class NodeScript {

    private static final Path FOLDER = Path.of("src", "test", "js");

    private NodeScript() {
    }

    /** Fails in CI, and skips elsewhere, when {@code requirement} is missing from this machine. */
    static void require(Path requirement, String install) {
        if (Files.exists(requirement)) {
            return;
        }
        String message = requirement + " is missing: " + install;
        if (System.getenv("CI") != null) {
            fail(message);
        }
        assumeTrue(false, message);
    }

    /** The script's standard output; fails with its error output unless it exits with 0 in time. */
    static String run(Duration timeout, String script, String... args) throws IOException, InterruptedException {
        require(FOLDER.resolve("node_modules"), "run npm ci in " + FOLDER);
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        File out = File.createTempFile("node-out", ".txt");
        File err = File.createTempFile("node-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(FOLDER.toFile())
                    .redirectOutput(out).redirectError(err).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(script + " did not finish within " + timeout + ":\n" + Files.readString(err.toPath()));
            }
            if (process.exitValue() != 0) {
                fail(script + " exited with " + process.exitValue() + ":\n" + Files.readString(err.toPath())
                        + Files.readString(out.toPath()));
            }
            return Files.readString(out.toPath());
        } finally {
            Files.deleteIfExists(out.toPath());
            Files.deleteIfExists(err.toPath());
        }
    }
}
