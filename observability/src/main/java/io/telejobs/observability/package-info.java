/** Metrics shared by the services: a Micrometer registry in Prometheus format and its HTTP endpoint. */
package io.telejobs.observability;
