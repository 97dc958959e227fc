package dev.storyline.contracts;

/** A message that does not meet its contract: unreadable JSON, a missing field or an unknown schema version. */
public class ContractViolation extends RuntimeException {
    public ContractViolation(String message) {
        super(message);
    }

    public ContractViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
