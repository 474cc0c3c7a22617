/** The subscription HTTP API and its pages: create, read, update, pause, delete, confirm, unsubscribe. */
package io.telejobs.notifier.api;
