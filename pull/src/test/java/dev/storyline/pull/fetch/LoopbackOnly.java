package dev.storyline.pull.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What keeps fetch tests on loopback even when the code under test is wrong: a resolver that knows only the
 * names a test gives it (never the network's DNS), and a connection tripwire that refuses, and records, any
 * address beyond loopback.
 */
public final class LoopbackOnly implements Predicate<InetAddress> {

    public final List<String> tripped = new CopyOnWriteArrayList<>();
    public final List<String> connections = new CopyOnWriteArrayList<>();

    @Override
    public boolean test(InetAddress address) {
        connections.add(address.getHostAddress());
        if (!address.isLoopbackAddress()) {
            tripped.add(address.getHostAddress());
            return false;
        }
        return true;
    }

    /** A resolver with a fixed table; names outside it do not exist. */
    public static HostResolver names(Map<String, List<String>> table) {
        return host -> {
            List<String> addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[addresses.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = HostLiteral.parse(addresses.get(i)).map(a -> AddressPolicy.of(host, a.getAddress()))
                        .orElseThrow();
            }
            return out;
        };
    }
}
