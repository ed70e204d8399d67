package io.trackingsystem.operator.api;

/** Named exactly as redis.conf spells the values, so they pass through unchanged. */
public enum AppendFsync {
  always,
  everysec,
  no
}
