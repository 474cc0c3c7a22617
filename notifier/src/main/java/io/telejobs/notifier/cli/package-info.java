/** Operator commands of the notifier: re-driving dead-lettered deliveries. */
package io.telejobs.notifier.cli;
