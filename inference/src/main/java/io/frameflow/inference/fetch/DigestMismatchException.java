package io.frameflow.inference.fetch;

/**
 * Downloaded bytes did not have the pinned sha256. By the time this is thrown the download has been
 * deleted: nothing unverified stays in the cache.
 */
public class DigestMismatchException extends FetchException {
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    public DigestMismatchException(String what, String expected, String actual) {
        super(
                "sha256 mismatch for "
                        + what
                        + ": expected "
                        + expected
                        + ", got "
                        + actual
                        + "; the download was discarded");
        this.expected = expected;
        this.actual = actual;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
