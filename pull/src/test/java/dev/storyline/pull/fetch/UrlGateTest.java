package dev.storyline.pull.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The address check alone (no connection is ever made here): what must be refused, and what must pass. */
class UrlGateTest {

    static final HostResolver NAMES = LoopbackOnly.names(Map.of(
            "localhost", List.of("127.0.0.1", "::1"),
            "metadata.google.internal", List.of("169.254.169.254"),
            "intranet.test", List.of("10.1.2.3"),
            "rebind.test", List.of("93.184.216.34", "127.0.0.1"),
            "v6private.test", List.of("fd12:3456::1"),
            "mapped.test", List.of("::ffff:192.168.0.1"),
            "news.test", List.of("93.184.216.34"),
            "v6news.test", List.of("2606:2800:220:1:248:1893:25c8:1946")));

    static final UrlGate GATE = new UrlGate(AddressPolicy.standard(), NAMES, Set.of("127.0.0.1:18080"));

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/", "http://127.0.0.1:18081/", "http://127.255.255.254/", "http://localhost/",
            "http://localhost./", "http://LOCALHOST:80/", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/",
            "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://0.0.0.0/", "http://[::]/",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://172.31.255.255/", "http://192.168.1.1/",
            "http://100.64.0.1/", "http://100.100.100.200/", "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/", "http://metadata.google.internal/",
            "http://192.0.0.192/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd00:ec2::254]/",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://[ff02::1]/", "http://intranet.test/",
            "http://rebind.test/", "http://v6private.test/", "http://mapped.test/", "https://10.0.0.1:8443/x" })
    void refusesEveryInternalAddress(String url) {
        FetchRefused e = assertThrows(FetchRefused.class, () -> GATE.check(URI.create(url)));
        assertEquals(FetchRefused.Reason.REFUSED_ADDRESS, e.reason(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.0.0.1/", "http://0x7f000001/",
            "http://017700000001/", "http://127.1/", "http://127.000.000.001/", "http://0/", "http://0x0/",
            "http://0251.0376.0251.0376/", "http://3232235777/" })
    void refusesEveryOtherSpellingOfAnAddress(String url) {
        FetchRefused e = assertThrows(FetchRefused.class, () -> GATE.check(URI.create(url)));
        assertEquals(FetchRefused.Reason.REFUSED_ADDRESS, e.reason(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://news.test/", "file:///etc/passwd", "gopher://news.test/", "jar:http://news.test/!/",
            "http://user:pass@news.test/", "http://user@news.test/", "//news.test/x", "http:///nohost" })
    void refusesOtherSchemesUserInfoAndHostlessUrls(String url) {
        FetchRefused e = assertThrows(FetchRefused.class, () -> GATE.check(URI.create(url)));
        assertEquals(FetchRefused.Reason.BAD_URL, e.reason(), e.getMessage());
    }

    @Test
    void anUnknownNameIsNotFoundRatherThanLookedUpElsewhere() {
        FetchRefused e = assertThrows(FetchRefused.class, () -> GATE.check(URI.create("http://nowhere.test/")));
        assertEquals(FetchRefused.Reason.UNKNOWN_HOST, e.reason());
    }

    @Test
    void publicAddressesAndTheExactAllowedPairPass() throws FetchRefused {
        assertEquals("93.184.216.34", GATE.check(URI.create("https://news.test/a?b=c")).addresses()[0].getHostAddress());
        assertEquals(1, GATE.check(URI.create("http://v6news.test/")).addresses().length);
        assertEquals(1, GATE.check(URI.create("http://93.184.216.34/")).addresses().length);
        assertEquals(18080, GATE.check(URI.create("http://127.0.0.1:18080/feed")).port());
    }

    @Test
    void namesThatMerelyStartWithDigitsAreNames() {
        assertEquals(false, HostLiteral.looksNumeric("1password.com"));
        assertEquals(false, HostLiteral.looksNumeric("123.cafe"));
        assertEquals(true, HostLiteral.looksNumeric("0x7f.1"));
    }
}
