/** The Kafka Streams topology that decides, exactly once, which subscriber gets which job. */
package io.telejobs.notifier.alerts;
