package io.trackingsystem.routes.messaging;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.Problems;
import io.trackingsystem.routes.redis.Redis;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The service's side of request/reply: reads its request stream through a consumer group, so replicas share the
 * work. Entries are acknowledged and deleted after the reply is published. Entries pending for longer than
 * {@code claimIdle} are claimed, whoever holds them: a replica that died, or one so busy that they still wait in
 * its queue. Either way a request is handled at most once ({@link StartMarks}): a claimed request that another
 * replica has started is left to it, and one whose replica died while handling it is not run again (its caller gets
 * no answer, rather than its effect twice). Requests whose caller has already given up are acknowledged without work. While it runs, it tells
 * callers that the service is alive ({@link Presence}) and advertises the key that sealed requests are sent to
 * ({@link SealingKeyRing}); an operation declared sealed is refused unsealed.
 */
final class RequestWorker implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestWorker.class);
    private static final int READ_COUNT = 64;
    private static final Duration BLOCK = Duration.ofSeconds(1);

    private final String service;
    private final String stream;
    private final Consumer<String> consumer;
    private final Redis redis;
    private final Presence presence;
    private final CamelContext context;
    private final ExecutorService executor;
    private final Semaphore inFlight;
    private final Duration claimIdle;
    private final SealingKeyRing keys;
    private final StartMarks starts;
    private final Map<String, ServiceConsumer> handlers = new ConcurrentHashMap<>();
    /** Ids of the entries this replica has started and not yet acknowledged. */
    private final Set<String> handling = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private Thread thread;

    RequestWorker(String service, String instanceId, Redis redis, Presence presence, CamelContext context,
                  ExecutorService executor, int maxInFlight, Duration claimIdle) {
        this.service = service;
        this.stream = Messaging.requestStream(service);
        this.consumer = Consumer.from(service, instanceId);
        this.redis = redis;
        this.presence = presence;
        this.context = context;
        this.executor = executor;
        this.inFlight = new Semaphore(maxInFlight);
        this.claimIdle = claimIdle;
        this.keys = new SealingKeyRing(redis, service, SealingKeyRing.ROTATION);
        this.starts = new StartMarks(redis, service, instanceId);
    }

    void register(String operation, ServiceConsumer handler) {
        handlers.put(operation, handler);
    }

    void unregister(String operation) {
        handlers.remove(operation);
    }

    SealingKeyRing keys() {
        return keys;
    }

    boolean idle() {
        return handlers.isEmpty();
    }

    /** Advertises this replica's key before it reads, so that a started service can be sent sealed requests. */
    void start() {
        try {
            keys.advertise();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Could not advertise the sealing key of {} yet; retrying each second: {}", service, e.toString());
        }
        thread = new Thread(this, "requests-" + service);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(BLOCK.multipliedBy(3).toMillis());
        }
        keys.withdraw();
    }

    @Override
    public void run() {
        try (Redis.Dedicated connection = redis.dedicated()) {
            RedisClusterCommands<String, String> commands = connection.sync();
            createGroup(commands, stream, consumer.getGroup());
            long nextClaim = 0;
            long nextBeat = 0;
            while (running) {
                try {
                    if (System.currentTimeMillis() >= nextBeat) {
                        presence.beat(consumer.getName());
                        nextBeat = System.currentTimeMillis() + Presence.BEAT.toMillis();
                        keys.advertise();
                    }
                    if (System.currentTimeMillis() >= nextClaim) {
                        claimAbandoned(commands);
                        nextClaim = System.currentTimeMillis() + claimIdle.toMillis();
                    }
                    readNew(commands);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        running = false;
                    }
                    if (running) {
                        LOG.warn("Reading {} failed, retrying: {}", stream, e.toString());
                        pause();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Request worker for {} stopped", service, e);
        }
    }

    /** Creates the group at the start of the stream, so requests sent before any handler ran are kept. */
    static void createGroup(RedisClusterCommands<String, String> commands, String stream, String group) {
        try {
            commands.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group,
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisCommandExecutionException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private void readNew(RedisClusterCommands<String, String> commands) {
        int permits = acquireUpTo(READ_COUNT);
        if (permits == 0) {
            return;
        }
        List<StreamMessage<String, String>> entries;
        try {
            entries = commands.xreadgroup(consumer, XReadArgs.Builder.block(BLOCK).count(permits),
                    XReadArgs.StreamOffset.lastConsumed(stream));
        } catch (RuntimeException e) {
            inFlight.release(permits);
            throw e;
        }
        inFlight.release(permits - entries.size());
        entries.forEach(this::dispatch);
    }

    private void claimAbandoned(RedisClusterCommands<String, String> commands) {
        String cursor = "0-0";
        do {
            var claimed = commands.xautoclaim(stream,
                    XAutoClaimArgs.Builder.xautoclaim(consumer, claimIdle, cursor).count(READ_COUNT));
            for (StreamMessage<String, String> entry : claimed.getMessages()) {
                inFlight.acquireUninterruptibly();
                dispatch(entry);
            }
            cursor = claimed.getId();
        } while (running && !"0-0".equals(cursor));
    }

    /** Starts an entry, unless this replica already has: a claim also returns its own slow requests. */
    private void dispatch(StreamMessage<String, String> entry) {
        if (!handling.add(entry.getId())) {
            inFlight.release();
            return;
        }
        try {
            executor.execute(() -> handle(entry));
        } catch (RuntimeException rejected) {
            handling.remove(entry.getId());
            inFlight.release();
            LOG.warn("Could not schedule request {} of {}: {}", entry.getId(), service, rejected.toString());
        }
    }

    private void handle(StreamMessage<String, String> entry) {
        Map<String, String> fields = entry.getBody();
        String id = fields.get(Envelope.ID);
        String replyTo = fields.get(Envelope.REPLY_TO);
        long deadline = parseLong(fields.get(Envelope.DEADLINE));
        if (id == null || replyTo == null || System.currentTimeMillis() > deadline) {
            acknowledge(entry);
            return;
        }
        if (!starts.claim(entry.getId(), deadline)) {
            handling.remove(entry.getId());
            inFlight.release();
            return;
        }
        ServiceConsumer handler = handlers.get(fields.getOrDefault(Envelope.OPERATION, ""));
        if (handler == null) {
            refuse(entry, replyTo, id, Problem.of(404, "Not Found",
                    service + " has no operation '" + fields.get(Envelope.OPERATION) + "'"));
            return;
        }
        if (handler.getEndpoint().isSealed() && !Envelope.isSealed(fields)) {
            refuse(entry, replyTo, id, Problem.of(400, "Bad Request", service + " takes operation '"
                    + fields.get(Envelope.OPERATION) + "' only sealed, since its requests carry secrets"));
            return;
        }
        Exchange exchange = handler.createExchange(false);
        try {
            Envelope.applyRequest(Envelope.opened(fields, keys::keyPair), exchange.getMessage());
        } catch (RuntimeException e) {
            Problems.write(exchange.getMessage(), Problems.from(e));
            replyAndAcknowledge(entry, replyTo, Envelope.reply(id, exchange.getMessage()));
            handler.releaseExchange(exchange, false);
            return;
        }
        handler.getAsyncProcessor().process(exchange, doneSync -> {
            if (exchange.getException() != null) {
                Problems.write(exchange.getMessage(), Problems.from(exchange.getException()));
            }
            replyAndAcknowledge(entry, replyTo, Envelope.reply(id, exchange.getMessage()));
            handler.releaseExchange(exchange, false);
        });
    }

    private void refuse(StreamMessage<String, String> entry, String replyTo, String id, Problem problem) {
        DefaultMessage message = new DefaultMessage(context);
        Problems.write(message, problem);
        replyAndAcknowledge(entry, replyTo, Envelope.reply(id, message));
    }

    private void replyAndAcknowledge(StreamMessage<String, String> entry, String replyTo, String frame) {
        redis.async().publish(replyTo, frame);
        acknowledge(entry);
    }

    /**
     * Acknowledges and deletes the entry: answered requests leave the stream at once, so it holds only requests not
     * yet answered. Kept until MAXLEN trimmed them, a flood of large bodies would fill Redis' memory.
     */
    private void acknowledge(StreamMessage<String, String> entry) {
        redis.async().xack(stream, consumer.getGroup(), entry.getId());
        redis.async().xdel(stream, entry.getId()).whenComplete((n, failure) -> {
            handling.remove(entry.getId());
            inFlight.release();
        });
    }

    private int acquireUpTo(int wanted) {
        int permits = inFlight.drainPermits();
        if (permits == 0) {
            try {
                if (!inFlight.tryAcquire(BLOCK.toMillis(), TimeUnit.MILLISECONDS)) {
                    return 0;
                }
                permits = 1 + inFlight.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
                return 0;
            }
        }
        if (permits > wanted) {
            inFlight.release(permits - wanted);
            permits = wanted;
        }
        return permits;
    }

    private static long parseLong(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
