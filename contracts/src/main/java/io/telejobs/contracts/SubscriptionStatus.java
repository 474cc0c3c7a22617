package io.telejobs.contracts;

/** Lifecycle of a subscription. Nothing is sent unless it is {@link #ACTIVE}. */
public enum SubscriptionStatus {
  /** Waiting for the double opt-in link to be followed. */
  PENDING,
  ACTIVE,
  PAUSED
}
