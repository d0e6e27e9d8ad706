package io.newsgraph.lookup;

import java.util.Map;

/** Status, extra headers and JSON body of a response. */
record ApiResponse(int status, Map<String, String> headers, String body) {
}
