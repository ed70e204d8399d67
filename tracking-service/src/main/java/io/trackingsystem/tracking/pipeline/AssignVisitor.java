package io.trackingsystem.tracking.pipeline;

import io.trackingsystem.routes.contract.VisitorSalt;

/**
 * Names the visitor: the userId, else the anonymousId, else the temporary id the gateway derived from the
 * visitor's address and user agent with the day's secret salt. Entries of the earlier release carry the address
 * itself instead; their temporary id is derived here the same way, so a visitor keeps one id across an upgrade.
 * An event with none of these gets a visitor of its own. Temporary ids start with "~".
 */
public final class AssignVisitor implements Step {

    /** The secret salt of a UTC day, the same for every replica. */
    @FunctionalInterface
    public interface Salts {
        String forDay(long epochDay);
    }

    private final Salts salts;

    public AssignVisitor(Salts salts) {
        this.salts = salts;
    }

    @Override
    public void apply(Event event) {
        String id = !event.userId().isEmpty() ? event.userId()
                : !event.anonymousId().isEmpty() ? event.anonymousId()
                : !event.temporaryVisitorId().isEmpty() ? event.temporaryVisitorId()
                : legacyTemporaryId(event);
        event.visitor(id, Hashes.decimal(id));
    }

    private String legacyTemporaryId(Event event) {
        if (event.ip().isEmpty() && event.userAgent().isEmpty()) {
            return "~" + Hashes.base64(event.account() + '\n' + event.id(), 16);
        }
        String salt = salts.forDay(VisitorSalt.dayOf(event.receivedAt()));
        return VisitorSalt.temporaryVisitorId(salt, event.account(), event.ip(), event.userAgent());
    }
}
