package io.telejobs.notifier.delivery;

import io.telejobs.contracts.Alert;
import io.telejobs.contracts.DeliveryRecord;

/**
 * Called at each step of delivering one alert on one channel, in order: before the send, after the
 * receiver accepted it, and after the outcome is recorded on {@code deliveries.v1}. For metrics and
 * tracing; tests use it to stop the worker at each step and prove that no alert is lost and that only
 * the window between the receiver's acceptance and the record can repeat one.
 */
public interface DeliveryObserver {
  DeliveryObserver NONE = new DeliveryObserver() {};

  default void beforeSend(Alert alert, DeliveryRecord.Channel channel) {}

  default void afterSend(Alert alert, DeliveryRecord.Channel channel) {}

  default void afterRecord(Alert alert, DeliveryRecord.Channel channel) {}
}
