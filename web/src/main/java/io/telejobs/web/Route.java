package io.telejobs.web;

/** Answers one request. Anything it throws is a 500 with a message in words; the cause is logged. */
@FunctionalInterface
public interface Route {
  WebResponse handle(WebRequest request) throws Exception;
}
