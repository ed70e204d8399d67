package io.trackingsystem.operator.reconciler;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Condition;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionsTest {

  private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
  private static final Clock TUESDAY = Clock.fixed(Instant.parse("2026-03-03T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void keepsTransitionTimeWhileStatusHolds() {
    var first = new Conditions(List.of(), 1L, MONDAY).set("Ready", true, "AllComponentsReady", "ok").list();

    var second = new Conditions(first, 2L, TUESDAY).set("Ready", true, "AllComponentsReady", "still ok").list();

    assertThat(second.get(0).getLastTransitionTime()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(second.get(0).getMessage()).isEqualTo("still ok");
    assertThat(second.get(0).getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void stampsNewTransitionTimeWhenStatusFlips() {
    var first = new Conditions(List.of(), 1L, MONDAY).set("Ready", true, "AllComponentsReady", "ok").list();

    List<Condition> second = new Conditions(first, 1L, TUESDAY).set("Ready", false, "ComponentsNotReady", "gateway 0/1").list();

    assertThat(second.get(0).getStatus()).isEqualTo("False");
    assertThat(second.get(0).getLastTransitionTime()).isEqualTo("2026-03-03T10:00:00Z");
  }
}
