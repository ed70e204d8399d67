package io.trackingsystem.tracking.stats;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandKeyword;
import io.lettuce.core.protocol.CommandType;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.tracking.storage.TrackingKeys;
import io.trackingsystem.tracking.storage.UtcDays;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Reads raw events back from the per-day streams in chunks, several chunks in flight, so Redis answers the next
 * chunk while this one is parsed; Redis is never blocked for longer than one chunk.
 *
 * <p>Entry ids are storage times. An event is stored at the earliest an hour (the accepted clock skew) before
 * its own time, so events from time T on are all at ids from T − {@link #ID_SLACK}: a scan starting mid-day skips
 * the entries before that. Nothing bounds ids from above (late events are stored any time), so a scan always
 * reads its days to their end.
 */
final class RawScan {

    /** Accepted clock skew plus margin for clocks between the gateway and Redis. */
    static final long ID_SLACK = 2 * UtcDays.HOUR;
    static final int CHUNK = 2000;
    /** Chunks requested at once. */
    private static final int LANES_IN_FLIGHT = 4;
    /** Each day is read as this many id windows in parallel. */
    private static final int WINDOWS_PER_DAY = 4;
    private static final long TIMEOUT_SECONDS = 60;
    /** Whole-range scans run at once per service instance; each holds its visits and visitors in memory. */
    static final int SCANS_AT_ONCE = 4;

    /** Each connection parses its replies on its own I/O thread, so lanes spread over them parse in parallel. */
    private final List<RedisAsyncCommands<String, String>> connections;
    private final Semaphore scans = new Semaphore(SCANS_AT_ONCE, true);

    RawScan(List<RedisAsyncCommands<String, String>> connections) {
        this.connections = List.copyOf(connections);
    }

    /**
     * Calls {@code sink} on this thread for every event with a time in [from, to), in no particular order. Waits
     * its turn behind the scans already running.
     */
    void forEach(TrackingKeys keys, long from, long to, Consumer<RawEvent> sink) {
        try {
            if (!scans.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw ProblemException.unavailable("Too many raw-event queries are running; try again shortly", 5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while waiting to read raw events", 1);
        }
        try {
            scan(keys, from, to, sink);
        } finally {
            scans.release();
        }
    }

    private void scan(TrackingKeys keys, long from, long to, Consumer<RawEvent> sink) {
        Deque<Lane> waiting = new ArrayDeque<>(lanes(keys, from, to));
        BlockingQueue<Chunk> arrived = new LinkedBlockingQueue<>();
        int active = 0;
        while (active < LANES_IN_FLIGHT && !waiting.isEmpty()) {
            request(waiting.poll(), arrived);
            active++;
        }
        while (active > 0) {
            Chunk chunk = take(arrived);
            if (chunk.read().entries() == CHUNK) {
                request(chunk.lane().after(chunk.read().lastId()), arrived);
            } else if (!waiting.isEmpty()) {
                request(waiting.poll(), arrived);
            } else {
                active--;
            }
            for (RawEvent event : chunk.read().events()) {
                if (event.time() >= from && event.time() < to) {
                    sink.accept(event);
                }
            }
        }
    }

    /** Up to {@code count} entries of a day's stream in storage order, after {@code afterId} ("" = from the start). */
    RawChunk after(TrackingKeys keys, String day, String afterId, int count) {
        String start = afterId.isEmpty() ? "-" : "(" + afterId;
        return await(range(0, CommandType.XRANGE, keys.raw(day), day, start, "+", count));
    }

    /** Up to {@code count} entries in reverse storage order, before {@code beforeId} ("" = from the newest). */
    RawChunk before(TrackingKeys keys, String day, String beforeId, int count) {
        String end = beforeId.isEmpty() ? "+" : "(" + beforeId;
        return await(range(0, CommandType.XREVRANGE, keys.raw(day), day, end, "-", count));
    }

    /** Stream ids are never below 0-0, so a range reaching back before 1970 (a far west zone) starts there. */
    private List<Lane> lanes(TrackingKeys keys, long from, long to) {
        List<Lane> lanes = new ArrayList<>();
        long firstDay = Math.max(0, Math.floorDiv(from, UtcDays.DAY) * UtcDays.DAY);
        for (long dayStart = firstDay; dayStart < to; dayStart += UtcDays.DAY) {
            String day = UtcDays.day(dayStart);
            long lowest = Math.max(0, from - ID_SLACK);
            long window = UtcDays.DAY / WINDOWS_PER_DAY;
            for (int w = 0; w < WINDOWS_PER_DAY; w++) {
                long windowStart = dayStart + w * window;
                long windowEnd = windowStart + window;
                if (w < WINDOWS_PER_DAY - 1 && windowEnd <= lowest) {
                    continue;
                }
                String start = w == 0 && lowest < windowStart ? "-" : Long.toString(Math.max(windowStart, lowest));
                String end = w == WINDOWS_PER_DAY - 1 ? "+" : "(" + windowEnd;
                lanes.add(new Lane(keys.raw(day), day, start, end, lanes.size() % connections.size()));
            }
        }
        return lanes;
    }

    private void request(Lane lane, BlockingQueue<Chunk> arrived) {
        range(lane.connection(), CommandType.XRANGE, lane.key(), lane.day(), lane.start(), lane.end(), CHUNK)
                .whenComplete((read, failure) -> arrived.add(new Chunk(lane, read, failure)));
    }

    private CompletionStage<RawChunk> range(int connection, CommandType command, String key, String day,
                                                  String start, String end, int count) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(key).add(start).add(end)
                .add(CommandKeyword.COUNT).add(count);
        return connections.get(connection).dispatch(command, new RawEventOutput(day, Days.start(day), count), args);
    }

    private static Chunk take(BlockingQueue<Chunk> arrived) {
        try {
            Chunk chunk = arrived.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (chunk == null) {
                throw ProblemException.timeout("Reading raw events took longer than " + TIMEOUT_SECONDS + " s");
            }
            if (chunk.failure() != null) {
                throw unavailable(chunk.failure());
            }
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while reading raw events", 1);
        }
    }

    private static RawChunk await(CompletionStage<RawChunk> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while reading raw events", 1);
        } catch (ExecutionException e) {
            throw unavailable(e.getCause());
        } catch (TimeoutException e) {
            throw ProblemException.timeout("Reading raw events took longer than " + TIMEOUT_SECONDS + " s");
        }
    }

    private static ProblemException unavailable(Throwable failure) {
        return ProblemException.unavailable("Raw events cannot be read: " + failure.getMessage(), 2);
    }

    /** One id window of one day's stream: XRANGE key start end. */
    private record Lane(String key, String day, String start, String end, int connection) {
        Lane after(String id) {
            return new Lane(key, day, "(" + id, end, connection);
        }
    }

    private record Chunk(Lane lane, RawChunk read, Throwable failure) {
    }
}
