/** Configuration from environment variables: {@code APP_*} for our settings, {@code KAFKA_*} passed through to clients. */
package io.telejobs.contracts.config;
