package io.trackingsystem.operator.api;

/**
 * Which IP geolocation database the gateway reads. {@code off} is spelled as the gateway's
 * {@code GEOIP_DATABASE} spells it, so it passes through unchanged.
 */
public enum GeoDatabase {
  /** The country database packaged with the gateway: nothing to provide. */
  bundled,
  /** No lookups: events carry no location. */
  off,
  /** A MaxMind DB file on a volume the tenant provides, such as a city database. */
  file
}
