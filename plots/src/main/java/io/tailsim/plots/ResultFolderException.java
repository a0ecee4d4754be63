package io.tailsim.plots;

/** A result folder that cannot be drawn: missing or unreadable result files. The message says which. */
public class ResultFolderException extends RuntimeException {
    public ResultFolderException(String message) {
        super(message);
    }

    public ResultFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
