package dev.storyline.ingest.intake;

/** Input the service will not take, with a message meant for the caller. */
public class RejectedSubmission extends RuntimeException {

    private final int status;

    public RejectedSubmission(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static RejectedSubmission badRequest(String message) {
        return new RejectedSubmission(400, message);
    }

    public static RejectedSubmission tooLarge(String message) {
        return new RejectedSubmission(413, message);
    }

    public int status() {
        return status;
    }
}
