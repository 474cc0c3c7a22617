/** Delivering alerts: email over SMTP, the delivered-set, retries and the delivery log. */
package io.telejobs.notifier.delivery;
