package io.trackingsystem.operator.reconciler;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

/**
 * Builds the next condition list from the previous one. A condition keeps its lastTransitionTime
 * unless its status flips, so the time says since when something has been true, not when the
 * operator last looked.
 */
final class Conditions {

  static final String READY = "Ready";
  static final String PROGRESSING = "Progressing";
  static final String DEGRADED = "Degraded";

  private final List<Condition> previous;
  private final List<Condition> next = new ArrayList<>();
  private final Long generation;
  private final Clock clock;

  Conditions(List<Condition> previous, Long generation, Clock clock) {
    this.previous = previous == null ? List.of() : previous;
    this.generation = generation;
    this.clock = clock;
  }

  Conditions set(String type, boolean status, String reason, String message) {
    var statusText = status ? "True" : "False";
    var transition = previous.stream()
        .filter(c -> type.equals(c.getType()) && statusText.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime)
        .filter(Objects::nonNull)
        .findFirst()
        .orElseGet(() -> Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
    next.add(new ConditionBuilder()
        .withType(type)
        .withStatus(statusText)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(transition)
        .build());
    return this;
  }

  List<Condition> list() {
    return List.copyOf(next);
  }
}
