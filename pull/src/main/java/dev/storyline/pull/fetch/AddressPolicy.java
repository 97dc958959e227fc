package dev.storyline.pull.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a fetch must never reach: the ranges in {@code refused-ranges.txt} (loopback, private, CGNAT,
 * link-local and metadata, unique-local, multicast, reserved), for IPv4 and IPv6, and any IPv6 address that
 * embeds a refused IPv4 one (mapped, compatible, NAT64, 6to4).
 */
public final class AddressPolicy {

    private record Range(byte[] network, int prefix, String reason) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private AddressPolicy(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The ranges shipped with Storyline. */
    public static AddressPolicy standard() {
        try (InputStream in = AddressPolicy.class.getResourceAsStream("refused-ranges.txt")) {
            if (in == null) {
                throw new IllegalStateException("refused-ranges.txt is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of "cidr reason"; blank lines and lines starting with # are skipped. */
    public static AddressPolicy parse(String text) {
        List<Range> ranges = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = lines.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                String[] cidr = parts[0].split("/");
                byte[] network = HostLiteral.parse(cidr[0])
                        .orElseThrow(() -> new IllegalArgumentException("not an address: " + cidr[0])).getAddress();
                ranges.add(new Range(network, Integer.parseInt(cidr[1]), parts.length > 1 ? parts[1] : "refused"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AddressPolicy(ranges);
    }

    /** Why this address is refused, or empty when a fetch may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        Optional<String> direct = match(bytes);
        if (direct.isPresent()) {
            return direct;
        }
        return embeddedIpv4(bytes).flatMap(v4 -> match(v4).map(r -> r + " (embedded in the IPv6 address)"));
    }

    private Optional<String> match(byte[] bytes) {
        for (Range r : ranges) {
            if (r.contains(bytes)) {
                return Optional.of(r.reason());
            }
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address. */
    static Optional<byte[]> embeddedIpv4(byte[] v6) {
        if (v6.length != 16) {
            return Optional.empty();
        }
        boolean firstTenZero = allZero(v6, 0, 10);
        if (firstTenZero && (v6[10] & 0xFF) == 0xFF && (v6[11] & 0xFF) == 0xFF) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16)); // ::ffff:a.b.c.d
        }
        if (firstTenZero && v6[10] == 0 && v6[11] == 0) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16)); // ::a.b.c.d
        }
        if (v6[0] == 0 && v6[1] == 0x64 && (v6[2] & 0xFF) == 0xFF && (v6[3] & 0xFF) == 0x9B && allZero(v6, 4, 12)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16)); // 64:ff9b::a.b.c.d
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(v6, 2, 6)); // 2002:AABB:CCDD::
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** For tests and the resolver: an address from its bytes, with no lookup. */
    static InetAddress of(String host, byte[] bytes) {
        try {
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
