/** Subscription criteria and matching a job to subscriptions (plain Java). */
package io.telejobs.notifier.subscriptions;
