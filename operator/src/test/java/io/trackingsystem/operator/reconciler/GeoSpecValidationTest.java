package io.trackingsystem.operator.reconciler;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.trackingsystem.operator.Fixtures;
import io.trackingsystem.operator.api.GeoDatabase;
import io.trackingsystem.operator.api.GeoSpec;
import io.trackingsystem.operator.api.TrackingSystemSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** A database file must be named on a claim, and its path must stay inside that claim's volume. */
class GeoSpecValidationTest {

  @ParameterizedTest
  @ValueSource(strings = {"GeoLite2-City.mmdb", "dbip/dbip-city-lite.mmdb", ".geoip/city.mmdb", "./city.mmdb", "city."})
  void acceptsAPathInsideTheVolume(String path) {
    assertThat(problems(fileSpec("geoip", path))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/data/GeoLite2-City.mmdb", "/", "..", "../city.mmdb", "dbip/../../city.mmdb", "dbip/..",
      "city..mmdb"})
  void refusesAPathThatIsAbsoluteOrContainsDotDot(String path) {
    assertThat(problems(fileSpec("geoip", path))).singleElement().asString()
        .startsWith("geo.path must be relative to the claim's volume and must not contain '..'");
  }

  @Test
  void refusesAFileWithoutClaimOrPath() {
    assertThat(problems(fileSpec(" ", null))).containsExactly(
        "geo.claimName is required when geo.database is file", "geo.path is required when geo.database is file");
  }

  @Test
  void ignoresClaimAndPathUnlessTheDatabaseIsAFile() {
    var spec = fileSpec(null, "/ignored");
    spec.getGeo().setDatabase(GeoDatabase.off);
    assertThat(problems(spec)).isEmpty();
    spec.getGeo().setDatabase(GeoDatabase.bundled);
    assertThat(problems(spec)).isEmpty();
  }

  private static TrackingSystemSpec fileSpec(String claimName, String path) {
    var spec = Fixtures.managedRedis("acme").getSpec();
    var geo = new GeoSpec();
    geo.setDatabase(GeoDatabase.file);
    geo.setClaimName(claimName);
    geo.setPath(path);
    spec.setGeo(geo);
    return spec;
  }

  private static List<String> problems(TrackingSystemSpec spec) {
    return SpecValidator.problems(spec, Optional.empty());
  }
}
