package io.trackingsystem.tracking.pipeline;

/** One named stage of event processing: it enriches the event or drops it with a reason. */
public interface Step {

    void apply(Event event);

    default String name() {
        return getClass().getSimpleName();
    }
}
