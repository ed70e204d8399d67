package io.trackingsystem.operator.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so the images are checked on paper: every artifact a Dockerfile
 * copies out of a target/ folder must be one the module's pom really produces.
 */
class DockerfileTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern COPY_FROM_TARGET =
      Pattern.compile("^COPY --from=build /workspace/([\\w-]+)/(target/[^\\s]+) (\\S+)$");

  @ParameterizedTest
  @CsvSource({
      "gateway, io.trackingsystem.gateway.GatewayMain",
      "user-service, io.trackingsystem.users.UserServiceMain",
      "tracking-service, io.trackingsystem.tracking.TrackingServiceMain",
      "operator, io.trackingsystem.operator.OperatorMain"})
  void copiesOnlyWhatTheModuleBuildProduces(String module, String mainClass) throws Exception {
    var dockerfile = lines(ROOT.resolve(module).resolve("Dockerfile"));
    var output = ModuleBuildOutput.of(ROOT.resolve(module).resolve("pom.xml"));

    assertThat(output.mainClass()).isEqualTo(mainClass);
    assertThat(output.manifestClasspathPrefix()).isEqualTo("lib/");
    var copied = dockerfile.stream().map(COPY_FROM_TARGET::matcher).filter(m -> m.matches()).toList();
    assertThat(copied).as("COPY lines taking build output").hasSize(2);
    for (var copy : copied) {
      assertThat(copy.group(1)).isEqualTo(module);
      var source = copy.group(2).replaceAll("/$", "");
      assertThat(source).isIn("target/" + output.jarName(), "target/lib");
      if (source.equals("target/lib")) {
        assertThat(output.copiedDependencyDirs()).contains("target/lib");
        assertThat(copy.group(3)).isEqualTo("/app/lib/");
      } else {
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-jar\", \"" + copy.group(3) + "\"]");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"gateway", "user-service", "tracking-service", "operator"})
  void buildsWithMavenAndRunsOnJreAsNonRoot(String module) throws IOException {
    var dockerfile = lines(ROOT.resolve(module).resolve("Dockerfile"));
    var stages = dockerfile.stream().filter(line -> line.startsWith("FROM ")).toList();

    assertThat(stages).contains("FROM maven:3-eclipse-temurin-17 AS build");
    assertThat(stages.get(stages.size() - 1)).isEqualTo("FROM eclipse-temurin:17-jre");
    assertThat(dockerfile).anyMatch(line -> line.startsWith("RUN ") && line.contains("mvn ")
        && line.contains("-pl " + module + " -am package -DskipTests"));
    var runtime = dockerfile.subList(dockerfile.lastIndexOf(stages.get(stages.size() - 1)), dockerfile.size());
    assertThat(runtime).anySatisfy(line -> assertThat(line).matches("USER [1-9][0-9]*(:[1-9][0-9]*)?"));
  }

  @Test
  void operatorManifestNamesAClassThatWasCompiled() throws Exception {
    var output = ModuleBuildOutput.of(Path.of("pom.xml"));

    assertThat(Path.of("target/classes", output.mainClass().replace('.', '/') + ".class")).exists();
    assertThat(output.jarName()).isEqualTo("operator.jar");
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream().map(String::strip).toList();
  }
}
