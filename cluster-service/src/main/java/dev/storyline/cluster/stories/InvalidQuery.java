package dev.storyline.cluster.stories;

/** A reader's query that cannot be answered as asked; the API answers it with 400 and this message. */
public class InvalidQuery extends IllegalArgumentException {
    public InvalidQuery(String message) {
        super(message);
    }
}
