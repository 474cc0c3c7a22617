package io.telejobs.net;

import java.net.UnknownHostException;

/**
 * A host resolved only to addresses the {@link AddressPolicy} refuses. An {@link UnknownHostException}, so
 * that HTTP clients report it as a failed name lookup and never connect.
 */
public final class AddressRefusedException extends UnknownHostException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public AddressRefusedException(String host, String reason) {
    super(reason.startsWith("a ") || reason.startsWith("an ") || reason.startsWith("the ") || reason.startsWith("\"")
        ? host + " points at " + reason + ", which is not allowed" : host + " " + reason);
    this.reason = reason;
  }

  /** Which kind of address it was ("a loopback address"). */
  public String reason() {
    return reason;
  }
}
