package dev.storyline.cluster.api;

import jakarta.ws.rs.WebApplicationException;

/** Reads query parameters as text so that a malformed one is a 400 that says why, not JAX-RS's bare 404. */
final class QueryParams {

    private QueryParams() {
    }

    static int integer(String name, String value, int min, int max) {
        return (int) longInteger(name, value, min, max);
    }

    static long longInteger(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new WebApplicationException(name + " must be a whole number from " + min + " to " + max + ", not '"
                + value + "'", 400);
    }
}
