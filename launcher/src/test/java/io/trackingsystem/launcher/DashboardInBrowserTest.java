package io.trackingsystem.launcher;

import io.trackingsystem.routes.config.Env;
import io.trackingsystem.routes.testing.RedisFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole product, as a person uses it: the launcher runs every service on a fresh Redis, and the dashboard's
 * browser scenario (frontend/e2e) drives Debian's Chromium through registration, setup, a tracked page, the
 * dashboard, filters, live view, explorer, funnels, retention, key rotation, and signing out and in again.
 * Screenshots of each page land in frontend/target/screenshots.
 */
class DashboardInBrowserTest {

    private static final Path FRONTEND = Path.of("..", "frontend").toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void aNewUserSetsUpTrackingAndReadsTheirDashboard(@TempDir Path data) throws Exception {
        boolean ci = System.getenv("CI") != null;
        assumeTrue(ci || Files.isExecutable(CHROMIUM), "Chromium is not installed; CI installs it");
        assertThat(CHROMIUM).as("Chromium, which CI installs").isExecutable();

        int port = RedisFixture.freePort();
        Launcher launcher = new Launcher();
        launcher.start(Env.of(Map.of("PORT", Integer.toString(port), "MANAGEMENT_PORT", "0",
                "REDIS_URL", RedisFixture.url(), "DATA_DIR", data.toString())));
        try {
            Path log = data.resolve("e2e.log");
            ProcessBuilder node = new ProcessBuilder("node", "e2e/dashboard.e2e.mjs")
                    .directory(FRONTEND.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            node.environment().put("BASE_URL", "http://localhost:" + port);
            Process scenario = node.start();
            scenario.getOutputStream().close();
            boolean finished = scenario.waitFor(5, TimeUnit.MINUTES);
            if (!finished) {
                scenario.destroyForcibly();
            }
            String output = Files.readString(log);
            System.out.println(output);

            assertThat(finished).as("the scenario finished in time").isTrue();
            assertThat(scenario.exitValue()).as(output).isZero();
            assertThat(output).contains("e2e: passed");
            assertThat(FRONTEND.resolve("target/screenshots/04-dashboard.png").toFile()).exists();
        } finally {
            launcher.close();
        }
    }
}
