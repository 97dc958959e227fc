package dev.storyline.pull.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a URL's host as an address when it is one, with no lookup. IPv6 literals (brackets optional) and
 * dotted-decimal IPv4 are addresses. Any other numeric spelling of IPv4 (one to three parts, octal, hex:
 * {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}) means different things to different parsers, so it is
 * refused outright rather than guessed at. Anything else is a name, for the resolver.
 */
final class HostLiteral {

    private static final Pattern NUMERIC_PART = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern DOTTED_DECIMAL = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private HostLiteral() {
    }

    /**
     * The address this host spells, or empty when it is a name.
     *
     * @throws IllegalArgumentException when it is a numeric spelling other than dotted decimal, or an IPv6 zone
     */
    static Optional<InetAddress> parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.contains(":")) {
            if (h.contains("%")) {
                throw new IllegalArgumentException("an IPv6 zone id in a host is refused: " + host);
            }
            return Optional.of(literal(h));
        }
        if (!looksNumeric(h)) {
            return Optional.empty();
        }
        if (!DOTTED_DECIMAL.matcher(h).matches()) {
            throw new IllegalArgumentException("an address must be written as four decimal numbers: " + host);
        }
        byte[] bytes = new byte[4];
        String[] parts = h.split("\\.");
        for (int i = 0; i < 4; i++) {
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + host);
            }
            bytes[i] = (byte) v;
        }
        return Optional.of(AddressPolicy.of(h, bytes));
    }

    /** Every dot-separated part is a decimal, octal or hex number (so inet_aton would read it as an address). */
    static boolean looksNumeric(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.isEmpty()) {
            return false;
        }
        for (String part : h.split("\\.", -1)) {
            if (!NUMERIC_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literal(String v6) {
        if (!v6.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IPv6 address: " + v6);
        }
        try {
            return InetAddress.getByName(v6); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + v6, e);
        }
    }
}
