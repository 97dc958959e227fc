package dev.storyline.support.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * The keys that may write. Held only as SHA-256 digests and compared in constant time (every key is compared,
 * and digests have one length, so neither timing nor length says anything); a key is never logged.
 */
public final class ApiKeys {

    private static final String BEARER = "bearer ";

    private final List<byte[]> digests;

    public ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeys::digest).toList();
    }

    /** No keys configured: every endpoint is open. */
    public boolean none() {
        return digests.isEmpty();
    }

    public int count() {
        return digests.size();
    }

    /** Whether an Authorization header value carries one of the keys as a Bearer token. */
    public boolean accepts(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return false;
        }
        byte[] given = digest(authorization.substring(BEARER.length()).strip());
        boolean match = false;
        for (byte[] d : digests) {
            match |= MessageDigest.isEqual(d, given);
        }
        return match;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
