package dev.storyline.ingest.fetching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jsoup.Jsoup;

import dev.storyline.pull.fetch.FetchRefused;
import dev.storyline.pull.fetch.Fetched;
import dev.storyline.pull.fetch.RobotsRules;
import dev.storyline.pull.fetch.SafeFetcher;
import dev.storyline.pull.fetch.UrlGate;

/**
 * Fetches an article's page: the address check, then robots.txt, then the page, which must be HTML or XHTML. The text is decoded
 * by Jsoup from the bytes (header charset, then BOM, then {@code <meta>}).
 */
@ApplicationScoped
public class PageFetcher {

    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");

    @Inject
    SafeFetcher fetcher;

    @Inject
    RobotsRules robots;

    @Inject
    UrlGate gate;

    /** A fetched page. */
    public record Page(URI finalUri, String html) {
    }

    public Page fetch(URI url) throws FetchRefused {
        gate.check(url); // a refused address is said as such, not as the robots.txt it could not read
        if (!robots.allowed(url)) {
            throw new FetchRefused(FetchRefused.Reason.ROBOTS, "robots.txt of " + url.getHost() + " disallows " + url);
        }
        Fetched f = fetcher.fetch(url, SafeFetcher.Validators.NONE,
                "text/html, application/xhtml+xml;q=0.9, */*;q=0.1", Long.MAX_VALUE);
        if (!f.mediaType().isEmpty() && !HTML_TYPES.contains(f.mediaType())) {
            throw new FetchRefused(FetchRefused.Reason.NOT_HTML, url + " is " + f.mediaType() + ", not HTML");
        }
        try {
            String charset = f.declaredCharset().map(Charset::name).orElse(null);
            String html = Jsoup.parse(new ByteArrayInputStream(f.body()), charset, f.finalUri().toString()).outerHtml();
            return new Page(f.finalUri(), html);
        } catch (IOException e) {
            throw new FetchRefused(FetchRefused.Reason.NETWORK, "could not read " + url + ": " + e.getMessage());
        }
    }
}
