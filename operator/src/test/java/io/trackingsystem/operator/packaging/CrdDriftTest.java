package io.trackingsystem.operator.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRD users apply must be exactly what the Java model generates. */
class CrdDriftTest {

  private static final Path GENERATED =
      Path.of("target/classes/META-INF/fabric8/trackingsystems.trackingsystem.io-v1.yml");

  @ParameterizedTest
  @ValueSource(strings = {"../crds", "../helm/tracking-system-operator/crds"})
  void checkedInCrdMatchesGeneratedCrd(String directory) throws IOException {
    var checkedIn = Path.of(directory).resolve(GENERATED.getFileName());

    assertThat(checkedIn).exists();
    assertThat(Files.readString(checkedIn))
        .as("%s is stale; regenerate it with: mvn -pl operator process-classes -Pupdate-crds", checkedIn)
        .isEqualTo(Files.readString(GENERATED));
  }
}
