package io.trackingsystem.gateway.ingest;

import io.trackingsystem.routes.contract.EventLimits;
import io.trackingsystem.routes.problem.ProblemException;
import io.trackingsystem.routes.problem.ProblemException.FieldError;

import java.util.List;

/** The size limits every ingest API applies, each answered as its own format answers oversize. */
final class SizeRules {

    private SizeRules() {
    }

    static void body(int bytes, IngestFormat format) {
        if (bytes > EventLimits.BATCH_BYTES) {
            throw format.tooLarge("The body is " + bytes + " bytes; at most " + EventLimits.BATCH_BYTES
                    + " are accepted");
        }
    }

    static void singleEvent(int bytes, IngestFormat format) {
        if (bytes > EventLimits.EVENT_BYTES) {
            throw format.tooLarge("The event is " + bytes + " bytes; at most " + EventLimits.EVENT_BYTES
                    + " are accepted");
        }
    }

    /** The batch's items, once it holds between one and {@link EventLimits#BATCH_EVENTS}, each small enough. */
    static List<JsonBody.Item> batch(List<JsonBody.Item> batch, IngestFormat format) {
        if (batch == null || batch.isEmpty()) {
            throw ProblemException.invalid(List.of(FieldError.of("batch", "must hold at least one event")));
        }
        if (batch.size() > EventLimits.BATCH_EVENTS) {
            throw format.tooLarge("The batch holds " + batch.size() + " events; at most "
                    + EventLimits.BATCH_EVENTS + " are accepted");
        }
        for (int i = 0; i < batch.size(); i++) {
            long bytes = batch.get(i).bytes();
            if (bytes > EventLimits.EVENT_BYTES) {
                throw format.tooLarge("batch[" + i + "] is " + bytes + " bytes; an event may have at most "
                        + EventLimits.EVENT_BYTES);
            }
        }
        return batch;
    }
}
