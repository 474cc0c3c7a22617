/** The real-Kafka fixture shared by every module's integration tests, and helpers to read topics. */
package io.telejobs.testkit;
