package io.newsgraph.lookup;

/** A client-visible error: HTTP status, stable code and a message safe to show (no internals). */
final class ApiException extends RuntimeException {
    static final String INVALID_PARAMETER = "invalid_parameter";
    static final String INVALID_CURSOR = "invalid_cursor";
    static final String NOT_FOUND = "not_found";
    static final String METHOD_NOT_ALLOWED = "method_not_allowed";

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, NOT_FOUND, message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
