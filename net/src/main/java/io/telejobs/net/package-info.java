/** Outbound network safety: one address policy for webhooks and crawling, and the HTTP client that applies it at connect time. */
package io.telejobs.net;
