package dev.storyline.pull.fetch;

/** A fetch that ended without content, with the reason an operator or integrator can act on. */
public class FetchRefused extends Exception {

    /** What kind of failure; {@link #getMessage()} gives the detail. */
    public enum Reason {
        BAD_URL, REFUSED_ADDRESS, UNKNOWN_HOST, HTTP_STATUS, TIMEOUT, TOO_LARGE, NOT_HTML, ROBOTS, TOO_MANY_REDIRECTS,
        NETWORK
    }

    private final Reason reason;
    private final int httpStatus;

    public FetchRefused(Reason reason, String message) {
        this(reason, message, 0, null);
    }

    public FetchRefused(Reason reason, String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status when {@link #reason()} is {@link Reason#HTTP_STATUS}, otherwise 0. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Worth trying again later (the network or the server, not the URL itself). */
    public boolean transientFailure() {
        return reason == Reason.TIMEOUT || reason == Reason.NETWORK || reason == Reason.UNKNOWN_HOST
                || (reason == Reason.HTTP_STATUS && (httpStatus >= 500 || httpStatus == 429 || httpStatus == 408));
    }

    @Override
    public String toString() {
        return reason + ": " + getMessage();
    }
}
