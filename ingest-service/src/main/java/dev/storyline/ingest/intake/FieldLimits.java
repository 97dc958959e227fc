package dev.storyline.ingest.intake;

import io.smallrye.config.ConfigMapping;

/**
 * The longest value each field may hold, in characters. Each is at most what its column holds (see the
 * migrations), so that validation, not the database, is what refuses a value: with a 400 that names the field.
 */
@ConfigMapping(prefix = "storyline.ingest.limits")
public interface FieldLimits {

    /** Column {@code external_id VARCHAR(1024)}, here and in clean and cluster. */
    int externalId();

    /** Column {@code source VARCHAR(1024)}, here and in clean. */
    int source();

    int url();

    int title();

    /** Column {@code language VARCHAR(35)}: the longest BCP-47 tag worth keeping. */
    int language();

    /** The article's content, in UTF-8 bytes. */
    long contentBytes();
}
