package io.trackingsystem.tracking.ingest;

import io.trackingsystem.tracking.storage.Compactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Runs compaction in the background: every second the sites that are due, and every ten minutes (and at start) a
 * sweep that marks due every site with pending blocks.
 */
final class CompactionWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CompactionWorker.class);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration SWEEP = Duration.ofMinutes(10);

    private final Compactor compactor;
    private final ProcessingMetrics metrics;
    private volatile boolean running = true;
    private Thread thread;

    CompactionWorker(Compactor compactor, ProcessingMetrics metrics) {
        this.compactor = compactor;
        this.metrics = metrics;
    }

    void start() {
        thread = new Thread(this, "compaction");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(30).toMillis());
        }
    }

    @Override
    public void run() {
        long nextSweep = 0;
        while (running) {
            try {
                if (System.currentTimeMillis() >= nextSweep) {
                    compactor.sweep();
                    nextSweep = System.currentTimeMillis() + SWEEP.toMillis();
                }
                int compacted = compactor.runDue();
                metrics.compacted(compacted);
                if (compacted == 0) {
                    Thread.sleep(PAUSE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warn("Compaction failed, retrying: {}", e.toString());
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
