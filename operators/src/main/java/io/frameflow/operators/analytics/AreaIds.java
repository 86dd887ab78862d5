package io.frameflow.operators.analytics;

import java.util.regex.Pattern;

/** The rule for zone and line ids: what topics, table keys and file names can carry unchanged. */
final class AreaIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private AreaIds() {}

    static String check(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    what
                            + " id '"
                            + id
                            + "' is not valid: use 1-128 letters, digits, '.', '_' or '-'");
        }
        return id;
    }
}
