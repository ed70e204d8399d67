package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Where the gateway looks up the location of each event's address: its {@code GEOIP_DATABASE}. A
 * city database is about 100 MB, too large for a ConfigMap, so a file comes on a volume claim.
 */
@ValidationRule(
    value = "self.database != 'file' || (has(self.claimName) && has(self.path))",
    message = "geo.claimName and geo.path are required when geo.database is file")
public class GeoSpec {

  /**
   * A relative path that cannot leave the volume: it does not start with a slash and no dot follows
   * another, so it holds no {@code ..}. Spelled without look-ahead, which the API server's regular
   * expressions (Go's RE2) lack.
   */
  public static final String PATH_PATTERN = "^(?:[^/.]|\\.[^.])(?:[^.]|\\.[^.])*\\.?$";

  @Default("bundled")
  @JsonPropertyDescription("bundled: the country database packaged with the gateway; \"off\" (quoted in YAML):"
      + " no geolocation; file: a MaxMind DB file, such as a city database, at path on the claim claimName.")
  private GeoDatabase database = GeoDatabase.bundled;

  @JsonPropertyDescription("With database file: an existing PersistentVolumeClaim in the tenant's namespace that"
      + " holds the database. It is mounted read-only on the gateway pods only.")
  private String claimName;

  @Pattern(PATH_PATTERN)
  @JsonPropertyDescription("With database file: the file's path inside the claim's volume, relative and without"
      + " '..', e.g. GeoLite2-City.mmdb.")
  private String path;

  public GeoDatabase getDatabase() {
    return database;
  }

  public void setDatabase(GeoDatabase database) {
    this.database = database;
  }

  public String getClaimName() {
    return claimName;
  }

  public void setClaimName(String claimName) {
    this.claimName = claimName;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
