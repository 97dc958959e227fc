package dev.storyline.pull.feeds;

/** A feed that cannot be read at all, or must not be (a DOCTYPE); nothing from it is taken. */
public class FeedUnreadable extends Exception {

    public FeedUnreadable(String message) {
        super(message);
    }

    public FeedUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
