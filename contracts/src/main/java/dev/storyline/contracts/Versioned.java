package dev.storyline.contracts;

/** Every message carries the version of the schema it was written with. */
public interface Versioned {
    int schemaVersion();
}
