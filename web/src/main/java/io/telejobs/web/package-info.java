/** The HTTP server of the public pages and APIs: Jetty 12 with limits, timeouts and strict security headers. */
package io.telejobs.web;
