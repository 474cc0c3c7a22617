/** Interactive queries over HTTP: the market statistics held in the matcher's state stores. */
package io.telejobs.matcher.query;
