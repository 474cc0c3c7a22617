package io.telejobs.notifier.alerts;

import io.telejobs.contracts.Alert;

/** What the decision step emits; the topology routes on it. */
sealed interface AlertOutcome {
  /** An alert for one subscriber; the record key is the subscription id. */
  record Emit(Alert alert) implements AlertOutcome {}

  /** A matched-job record that could not be read; dead-letter it. */
  record Failed(byte[] key, byte[] value) implements AlertOutcome {}
}
