package dev.storyline.pull.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches a URL the way a server that takes URLs from strangers must: every hop (the first URL and each of at
 * most N redirects) passes the {@link UrlGate}, and the connection goes to the addresses the gate checked, never
 * to a second lookup (the client's resolver only answers what was pinned for this request). Bodies are capped
 * after decompression, the whole fetch has one deadline, requests to a host are paced, and conditional GET
 * validators are sent and returned. No proxy, cookies or retries.
 */
public final class SafeFetcher implements AutoCloseable {

    /** A conditional GET's validators from the previous answer; either may be null. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);
    }

    private static final ThreadLocal<UrlGate.Target> PINNED = new ThreadLocal<>();

    private final FetchSettings settings;
    private final UrlGate gate;
    private final HostPoliteness politeness;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    public SafeFetcher(FetchSettings settings, UrlGate gate) {
        this(settings, gate, address -> true);
    }

    /**
     * @param mayConnect a last guard on each address the connection is about to use, after the gate; tests pass
     *                   a tripwire that records anything beyond loopback, so a broken gate fails a test instead of
     *                   sending a packet
     */
    public SafeFetcher(FetchSettings settings, UrlGate gate, java.util.function.Predicate<InetAddress> mayConnect) {
        this.settings = settings;
        this.gate = gate;
        this.politeness = new HostPoliteness(settings.perHostConcurrency(), settings.perHostDelay());
        Timeout timeout = Timeout.of(settings.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedResolver(mayConnect))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .setMaxConnTotal(64).setMaxConnPerRoute(Math.max(2, settings.perHostConcurrency()))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).setRedirectsEnabled(false).build())
                .disableRedirectHandling().disableCookieManagement().disableAutomaticRetries()
                .disableAuthCaching().setUserAgent(settings.userAgent()).build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storyline-fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    public Fetched fetch(URI uri) throws FetchRefused {
        return fetch(uri, Validators.NONE, "*/*", settings.maxBytes());
    }

    /**
     * GETs the URL, following redirects; answers 2xx with its body, or 304 (empty body) when the validators still
     * hold. Anything else is a {@link FetchRefused} with its reason.
     */
    public Fetched fetch(URI uri, Validators validators, String accept, long maxBytes) throws FetchRefused {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        URI current = uri;
        for (int hop = 0;; hop++) {
            Hop answer = hop(gate.check(current), validators, accept, Math.min(maxBytes, settings.maxBytes()), deadline);
            if (answer.redirect() == null) {
                return answer.fetched();
            }
            if (hop >= settings.maxRedirects()) {
                throw new FetchRefused(FetchRefused.Reason.TOO_MANY_REDIRECTS,
                        "more than " + settings.maxRedirects() + " redirects from " + uri);
            }
            current = answer.redirect();
        }
    }

    private record Hop(Fetched fetched, URI redirect) {
    }

    /** Carries a FetchRefused out of the client's response handler, which may only throw IOException. */
    private static final class Refusal extends IOException {
        final FetchRefused refused;

        Refusal(FetchRefused refused) {
            super(refused.getMessage());
            this.refused = refused;
        }
    }

    private Hop hop(UrlGate.Target target, Validators validators, String accept, long maxBytes, long deadline)
            throws FetchRefused {
        try {
            if (!politeness.enter(target.host(), deadline)) {
                throw timedOut(target.uri());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchRefused(FetchRefused.Reason.TIMEOUT, "interrupted while waiting for " + target.host());
        }
        HttpGet get = new HttpGet(target.uri());
        get.setHeader("Accept", accept);
        if (validators.etag() != null) {
            get.setHeader("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            get.setHeader("If-Modified-Since", validators.lastModified());
        }
        ScheduledFuture<?> abort = deadlines.schedule(get::cancel, Math.max(1, deadline - System.nanoTime()),
                TimeUnit.NANOSECONDS);
        PINNED.set(target);
        try {
            return client.execute(get, response -> answer(target.uri(), response, maxBytes, deadline));
        } catch (Refusal r) {
            throw r.refused;
        } catch (InterruptedIOException e) {
            throw timedOut(target.uri());
        } catch (UnknownHostException e) {
            throw new FetchRefused(FetchRefused.Reason.REFUSED_ADDRESS, e.getMessage());
        } catch (IOException e) {
            if (get.isCancelled() || System.nanoTime() >= deadline) {
                throw timedOut(target.uri());
            }
            throw new FetchRefused(FetchRefused.Reason.NETWORK, target.uri() + ": " + e, 0, e);
        } finally {
            PINNED.remove();
            abort.cancel(false);
            politeness.leave(target.host());
        }
    }

    private FetchRefused timedOut(URI uri) {
        return new FetchRefused(FetchRefused.Reason.TIMEOUT, "no complete answer from " + uri + " within "
                + settings.timeout().toSeconds() + " s");
    }

    private Hop answer(URI uri, ClassicHttpResponse response, long maxBytes, long deadline) throws IOException {
        int status = response.getCode();
        if (status >= 300 && status < 400 && status != 304) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                throw new Refusal(new FetchRefused(FetchRefused.Reason.HTTP_STATUS,
                        "HTTP " + status + " without a Location from " + uri, status, null));
            }
            try {
                return new Hop(null, uri.resolve(location.getValue().strip()));
            } catch (IllegalArgumentException e) {
                throw new Refusal(new FetchRefused(FetchRefused.Reason.BAD_URL,
                        "a redirect to an invalid URL from " + uri + ": " + location.getValue()));
            }
        }
        if (status != 304 && (status < 200 || status >= 300)) {
            throw new Refusal(new FetchRefused(FetchRefused.Reason.HTTP_STATUS, "HTTP " + status + " from " + uri,
                    status, null));
        }
        byte[] body = status == 304 ? new byte[0] : body(uri, response.getEntity(), maxBytes, deadline);
        return new Hop(new Fetched(uri, status, body, header(response, "Content-Type"), header(response, "ETag"),
                header(response, "Last-Modified")), null);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static byte[] body(URI uri, HttpEntity entity, long maxBytes, long deadline) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > maxBytes) {
            throw tooLarge(uri, maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw tooLarge(uri, maxBytes);
                }
                out.write(buffer, 0, n);
                if (System.nanoTime() >= deadline) {
                    throw new InterruptedIOException("deadline");
                }
            }
        }
        return out.toByteArray();
    }

    private static Refusal tooLarge(URI uri, long maxBytes) {
        return new Refusal(new FetchRefused(FetchRefused.Reason.TOO_LARGE,
                uri + " answers more than " + maxBytes + " bytes"));
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** The client's resolver: only the addresses the gate checked for this request's host; never a lookup. */
    private static final class PinnedResolver implements DnsResolver {
        private final java.util.function.Predicate<InetAddress> mayConnect;

        PinnedResolver(java.util.function.Predicate<InetAddress> mayConnect) {
            this.mayConnect = mayConnect;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            UrlGate.Target t = PINNED.get();
            String h = host.toLowerCase(Locale.ROOT);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            if (h.endsWith(".")) {
                h = h.substring(0, h.length() - 1);
            }
            if (t == null || !t.host().equals(h) && !("[" + h + "]").equals(t.host())) {
                throw new UnknownHostException("refused: " + host + " was not checked for this request");
            }
            for (InetAddress a : t.addresses()) {
                if (!mayConnect.test(a)) {
                    throw new UnknownHostException("refused by the connection guard: " + a.getHostAddress());
                }
            }
            return t.addresses().clone();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
