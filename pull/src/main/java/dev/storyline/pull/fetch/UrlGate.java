package dev.storyline.pull.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The check every URL and every redirect hop passes before a connection: http or https only, no user-info,
 * then the host resolved once and refused if any of its addresses is refused by the {@link AddressPolicy}. The
 * answer carries the addresses checked, which are the only ones the connection may use. An exact
 * {@code host:port} on the allow-list skips the address check (tests, private deployments).
 */
public final class UrlGate {

    /** A URL that may be fetched, with the addresses it was checked against. */
    public record Target(URI uri, String host, int port, InetAddress[] addresses) {
    }

    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final Set<String> allowed;

    public UrlGate(AddressPolicy policy, HostResolver resolver, Set<String> allowedHostPorts) {
        this.policy = policy;
        this.resolver = resolver;
        this.allowed = allowedHostPorts.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Target check(URI uri) throws FetchRefused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchRefused(FetchRefused.Reason.BAD_URL, "only http and https URLs are fetched: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new FetchRefused(FetchRefused.Reason.BAD_URL, "a URL with user-info is refused: " + redact(uri));
        }
        String host = uri.getHost() != null ? uri.getHost() : hostOfAuthority(uri.getRawAuthority());
        if (host == null || host.isEmpty()) {
            throw new FetchRefused(FetchRefused.Reason.BAD_URL, "a URL without a host name: " + uri);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (uri.getHost() == null) {
            resolve(host); // java.net.URI reads some numeric hosts (127.1) as no host: say what they are
            throw new FetchRefused(FetchRefused.Reason.BAD_URL, "a host that is not a valid name: " + host);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses = resolve(host);
        String hostPort = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        if (!allowed.contains(hostPort)) {
            for (InetAddress a : addresses) {
                Optional<String> why = policy.refusal(a);
                if (why.isPresent()) {
                    throw new FetchRefused(FetchRefused.Reason.REFUSED_ADDRESS,
                            host + " is " + a.getHostAddress() + ": " + why.get());
                }
            }
        }
        return new Target(uri, host, port, addresses);
    }

    private InetAddress[] resolve(String host) throws FetchRefused {
        Optional<InetAddress> literal;
        try {
            literal = HostLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw new FetchRefused(FetchRefused.Reason.REFUSED_ADDRESS, e.getMessage());
        }
        if (literal.isPresent()) {
            return new InetAddress[] { literal.get() };
        }
        try {
            InetAddress[] found = resolver.resolve(host);
            if (found == null || found.length == 0) {
                throw new UnknownHostException(host);
            }
            return found;
        } catch (UnknownHostException e) {
            throw new FetchRefused(FetchRefused.Reason.UNKNOWN_HOST, "no address for " + host);
        }
    }

    /** The host part of an authority that java.net.URI would not read as server-based (no user-info here). */
    private static String hostOfAuthority(String authority) {
        if (authority == null || authority.isEmpty()) {
            return null;
        }
        int colon = authority.lastIndexOf(':');
        return (colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority).toLowerCase(Locale.ROOT);
    }

    private static String redact(URI uri) {
        return uri.getScheme() + "://***@" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
