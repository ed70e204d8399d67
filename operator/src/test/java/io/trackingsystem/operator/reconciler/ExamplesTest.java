package io.trackingsystem.operator.reconciler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.trackingsystem.operator.api.TrackingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples in the docs must be specs the operator accepts. */
class ExamplesTest {

  @ParameterizedTest
  @ValueSource(strings = {"trackingsystem.yaml", "trackingsystem-external-redis.yaml"})
  void exampleIsAValidTrackingSystem(String file) throws IOException {
    var example = Serialization.unmarshal(Files.readString(Path.of("../examples", file)), TrackingSystem.class);

    assertThat(example.getSpec().getVersion()).isNotBlank();
    assertThat(SpecValidator.problems(example.getSpec(), Optional.empty())).isEmpty();
  }
}
