package io.trackingsystem.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

public class TrackingSystemSpec {

  @Required
  @Pattern("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")
  @JsonPropertyDescription("Release of the services to run; the default image tag of every component.")
  private String version;

  @JsonPropertyDescription("Registry, pull policy and pull secrets shared by the component images.")
  private ImageDefaults image = new ImageDefaults();

  private ComponentSpec gateway = new ComponentSpec();
  private ComponentSpec userService = new ComponentSpec();
  private ComponentSpec trackingService = new ComponentSpec();

  @Required
  private RedisSpec redis;

  private AuthSpec auth = new AuthSpec();
  private RetentionSpec retention = new RetentionSpec();
  private IngressSpec ingress = new IngressSpec();
  private IngestSpec ingest = new IngestSpec();
  @JsonPropertyDescription("The IP geolocation database the gateway looks up events' locations in.")
  private GeoSpec geo = new GeoSpec();

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public ImageDefaults getImage() {
    return image;
  }

  public void setImage(ImageDefaults image) {
    this.image = image;
  }

  public ComponentSpec getGateway() {
    return gateway;
  }

  public void setGateway(ComponentSpec gateway) {
    this.gateway = gateway;
  }

  public ComponentSpec getUserService() {
    return userService;
  }

  public void setUserService(ComponentSpec userService) {
    this.userService = userService;
  }

  public ComponentSpec getTrackingService() {
    return trackingService;
  }

  public void setTrackingService(ComponentSpec trackingService) {
    this.trackingService = trackingService;
  }

  public RedisSpec getRedis() {
    return redis;
  }

  public void setRedis(RedisSpec redis) {
    this.redis = redis;
  }

  public AuthSpec getAuth() {
    return auth;
  }

  public void setAuth(AuthSpec auth) {
    this.auth = auth;
  }

  public RetentionSpec getRetention() {
    return retention;
  }

  public void setRetention(RetentionSpec retention) {
    this.retention = retention;
  }

  public IngressSpec getIngress() {
    return ingress;
  }

  public void setIngress(IngressSpec ingress) {
    this.ingress = ingress;
  }

  public IngestSpec getIngest() {
    return ingest;
  }

  public void setIngest(IngestSpec ingest) {
    this.ingest = ingest;
  }

  public GeoSpec getGeo() {
    return geo;
  }

  public void setGeo(GeoSpec geo) {
    this.geo = geo;
  }
}
