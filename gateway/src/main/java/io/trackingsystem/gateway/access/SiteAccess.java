package io.trackingsystem.gateway.access;

import io.trackingsystem.gateway.auth.ApiKeyCache;
import io.trackingsystem.gateway.auth.BearerAuthentication;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.KeyFormat;
import io.trackingsystem.routes.contract.SiteId;
import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Authorises a call of the Analytics API for one site, {@code site=<id>} (default: the signed-in user's first
 * site), by one of: an access token whose user has a role on the site's team, or {@code Authorization: Bearer}
 * with the site's stats key. The tracking-service is then asked with the site id as principal, and only that site's
 * data exists for it. A site the caller cannot read answers 404, exactly as one that does not exist; a write key
 * or another site's stats key answers 403.
 */
public final class SiteAccess implements Processor {

    public static final String SITE_PARAMETER = "site";
    private static final String BEAN = "siteAccess";
    private static final long WAIT_SECONDS = 10;

    private final BearerAuthentication bearer;
    private final ApiKeyCache keys;
    private final AccessDirectory directory;

    private SiteAccess(CamelContext context) {
        this.bearer = BearerAuthentication.in(context);
        this.keys = ApiKeyCache.in(context);
        this.directory = AccessDirectory.in(context);
    }

    public static synchronized SiteAccess in(CamelContext context) {
        SiteAccess access = context.getRegistry().lookupByNameAndType(BEAN, SiteAccess.class);
        if (access == null) {
            access = new SiteAccess(context);
            context.getRegistry().bind(BEAN, access);
        }
        return access;
    }

    /** Sets the principal to the site read, and {@link Reader#PROPERTY}; throws the problem otherwise. */
    @Override
    public void process(Exchange exchange) {
        Reader reader = await(authorise(exchange, QueryParameter.first(exchange, SITE_PARAMETER)));
        exchange.setProperty(Messaging.PRINCIPAL, reader.site());
        exchange.setProperty(Reader.PROPERTY, reader);
    }

    /** Who reads which site, from the exchange's credentials and the requested site (null: the default). */
    public CompletionStage<Reader> authorise(Exchange exchange, String requestedSite) {
        String credential = BearerAuthentication.bearerToken(exchange.getMessage().getHeader("Authorization",
                String.class));
        Optional<String> key = KeyFormat.canonical(credential);
        if (key.isPresent()) {
            return byKey(key.get(), requestedSite);
        }
        bearer.process(exchange);
        String userId = exchange.getProperty(Messaging.PRINCIPAL, String.class);
        return byMember(userId, requestedSite);
    }

    /** Whether the reader may still read its site, for streams that stay open. */
    public CompletionStage<Boolean> stillAllowed(Reader reader) {
        if (reader.userId() != null) {
            return directory.roleOnSite(reader.site(), reader.userId()).thenApply(Optional::isPresent);
        }
        if (reader.keyDigest() != null) {
            return keys.grantForDigest(reader.keyDigest()).thenApply(grant -> grant
                    .filter(ApiKeyCache.Grant::readsStats).filter(found -> found.site().equals(reader.site()))
                    .isPresent());
        }
        return CompletableFuture.completedFuture(false);
    }

    private CompletionStage<Reader> byKey(String key, String requestedSite) {
        return keys.grantFor(key).thenApply(grant -> {
            ApiKeyCache.Grant found = grant.orElseThrow(() -> ProblemException.unauthorized("Unknown API key"));
            if (!found.readsStats()) {
                throw ProblemException.forbidden("A write key only sends events; read with a stats key");
            }
            if (requestedSite != null && !requestedSite.equals(found.site())) {
                throw ProblemException.forbidden("This stats key reads another site");
            }
            return Reader.statsKey(found.site(), AccessKeys.digest(key));
        });
    }

    private CompletionStage<Reader> byMember(String userId, String requestedSite) {
        if (requestedSite == null) {
            return directory.firstSite(userId).thenApply(site -> Reader.member(site.orElseThrow(() ->
                    ProblemException.notFound("You have no site yet: create one first")), userId));
        }
        if (!SiteId.isValid(requestedSite)) {
            return CompletableFuture.failedFuture(noSuchSite());
        }
        return directory.roleOnSite(requestedSite, userId).thenApply(role -> {
            if (role.isEmpty()) {
                throw noSuchSite();
            }
            return Reader.member(requestedSite, userId);
        });
    }

    static ProblemException noSuchSite() {
        return ProblemException.notFound("No such site");
    }

    /** Waits for an authorisation on a worker thread; its problem is thrown as it is. */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e.getCause());
        } catch (TimeoutException e) {
            throw ProblemException.unavailable("Access cannot be checked right now", 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Access cannot be checked right now", 2);
        }
    }

    /** A failure as a caller should see it: its problem, or 503 when Redis could not be asked. */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException || cause instanceof ExecutionException) {
            cause = cause.getCause();
        }
        if (cause instanceof ProblemException problem) {
            return problem;
        }
        return ProblemException.unavailable("Access cannot be checked right now", 2);
    }
}
