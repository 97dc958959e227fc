package dev.storyline.ingest.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import crawlercommons.filters.basic.BasicURLNormalizer;

/**
 * The canonical form of a URL, so that the same page reached by different spellings is one article:
 * crawler-commons normalisation (case, default port, dot segments, encoding, fragment), then removal of
 * tracking parameters, whose name patterns come from configuration.
 */
public final class UrlCanonicalizer {

    private final BasicURLNormalizer normalizer = new BasicURLNormalizer();
    private final List<Pattern> trackingParameters;

    public UrlCanonicalizer(List<String> trackingParameterPatterns) {
        this.trackingParameters = trackingParameterPatterns.stream()
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
                .toList();
    }

    /** @return the canonical URL, or null when the input is not an absolute http(s) URL */
    public String canonicalize(String url) {
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            // Fall back on the normaliser's own parser for URLs java.net.URI finds too strict (raw spaces etc.)
            if (!trimmed.regionMatches(true, 0, "http://", 0, 7) && !trimmed.regionMatches(true, 0, "https://", 0, 8)) {
                return null;
            }
        }
        String normalized = normalizer.filter(trimmed);
        if (normalized == null) {
            return null;
        }
        return stripTracking(normalized);
    }

    private String stripTracking(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        String query = url.substring(q + 1);
        String kept = java.util.Arrays.stream(query.split("&"))
                .filter(param -> !param.isEmpty())
                .filter(param -> {
                    String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                    return trackingParameters.stream().noneMatch(p -> p.matcher(name).matches());
                })
                .sorted()
                .collect(Collectors.joining("&"));
        return kept.isEmpty() ? url.substring(0, q) : url.substring(0, q + 1) + kept;
    }
}
