package io.trackingsystem.gateway.access;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.trackingsystem.routes.contract.AccessKeys;
import io.trackingsystem.routes.contract.TokenFormat;
import io.trackingsystem.routes.messaging.Messaging;
import io.trackingsystem.routes.problem.Problem;
import io.trackingsystem.routes.problem.ProblemException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorises a read through a share link, {@code /api/share/{token}/...}: the token must name a live, unexpired
 * share, and its password, when it has one, comes as {@value #PASSWORD_HEADER}. The share opens its one site's
 * stats and nothing else. Each link is rate-limited per gateway, and wrong passwords more tightly still, since
 * each costs a bcrypt check.
 */
public final class ShareAccess implements Processor {

    public static final String PREFIX = "/api/share/";
    public static final String PASSWORD_HEADER = "X-Share-Password";
    /** Reads per share link and minute, per gateway. */
    public static final int READS_PER_MINUTE = 600;
    /** Wrong passwords per share link and minute, per gateway. */
    public static final int WRONG_PASSWORDS_PER_MINUTE = 10;
    private static final String BEAN = "shareAccess";
    private static final BCrypt.Version BCRYPT = BCrypt.Version.VERSION_2B;

    private final AccessDirectory directory;
    private final MinuteWindows reads = new MinuteWindows(READS_PER_MINUTE);
    private final MinuteWindows wrongPasswords = new MinuteWindows(WRONG_PASSWORDS_PER_MINUTE);
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(BCRYPT, LongPasswordStrategies.hashSha512(BCRYPT));
    /** Share digest and password digest that passed, until the share's entry is re-read. */
    private final Map<String, Long> verified = new ConcurrentHashMap<>();

    private ShareAccess(CamelContext context) {
        this.directory = AccessDirectory.in(context);
    }

    public static synchronized ShareAccess in(CamelContext context) {
        ShareAccess access = context.getRegistry().lookupByNameAndType(BEAN, ShareAccess.class);
        if (access == null) {
            access = new ShareAccess(context);
            context.getRegistry().bind(BEAN, access);
        }
        return access;
    }

    @Override
    public void process(Exchange exchange) {
        String token = tokenOf(exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class));
        if (!TokenFormat.isWellFormed(token)) {
            throw gone();
        }
        String digest = AccessKeys.digest(token);
        long now = System.currentTimeMillis();
        long wait = reads.admit(digest, now);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("This share link is read too often; retry shortly", wait);
        }
        AccessDirectory.ShareGrant grant = SiteAccess.await(directory.share(digest))
                .filter(found -> !found.expired(now))
                .orElseThrow(ShareAccess::gone);
        if (!grant.passwordHash().isEmpty()) {
            checkPassword(digest, grant, exchange.getMessage().getHeader(PASSWORD_HEADER, String.class), now);
        }
        exchange.setProperty(Messaging.PRINCIPAL, grant.site());
        exchange.setProperty(Reader.PROPERTY, Reader.share(grant.site(), digest));
    }

    private void checkPassword(String digest, AccessDirectory.ShareGrant grant, String password, long now) {
        if (password == null || password.isEmpty()) {
            throw passwordProblem("This shared dashboard needs its password");
        }
        String attempt = digest + ':' + AccessKeys.digest(password) + ':' + grant.passwordHash();
        Long until = verified.get(attempt);
        if (until != null && now < until) {
            return;
        }
        long wait = wrongPasswords.peek(digest, now);
        if (wait > 0) {
            throw ProblemException.tooManyRequests("Too many wrong passwords for this link; retry shortly", wait);
        }
        boolean matches = password.length() <= 128 && verifyer.verify(password.toCharArray(), grant.passwordHash()).verified;
        if (!matches) {
            wrongPasswords.admit(digest, now);
            throw passwordProblem("The password is not correct");
        }
        if (verified.size() > 10_000) {
            verified.clear();
        }
        verified.put(attempt, now + AccessDirectory.FRESH.toMillis());
    }

    private static ProblemException passwordProblem(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail).with("passwordRequired", true));
    }

    private static ProblemException gone() {
        return ProblemException.notFound("This share link does not exist, was revoked or has expired");
    }

    /** The token of a path {@code /api/share/<token>/...}, or null. */
    public static String tokenOf(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        int end = path.indexOf('/', PREFIX.length());
        return end < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), end);
    }
}
