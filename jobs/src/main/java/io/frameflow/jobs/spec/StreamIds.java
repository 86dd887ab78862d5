package io.frameflow.jobs.spec;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stream ids for sources that do not name one: the file name without its extension, or the last
 * path segment of a URI (else its host), made safe for Kafka keys and file names and unique.
 */
public final class StreamIds {
    private StreamIds() {}

    /** The id of each source, in order; null for a Kafka source, whose streams name themselves. */
    public static List<String> assign(List<SourceSpec> sources) {
        Set<String> taken = new HashSet<>();
        for (SourceSpec s : sources) {
            if (s.id() != null) {
                taken.add(s.id());
            }
        }
        List<String> ids = new ArrayList<>();
        for (SourceSpec s : sources) {
            if (s.kafka() != null) {
                ids.add(null);
                continue;
            }
            if (s.id() != null) {
                ids.add(s.id());
                continue;
            }
            String base = derive(s.uri());
            String id = base;
            for (int n = 2; taken.contains(id); n++) {
                id = base + "-" + n;
            }
            taken.add(id);
            ids.add(id);
        }
        return ids;
    }

    static String derive(String uri) {
        String name = uri;
        if (uri.indexOf("://") > 0) {
            try {
                URI parsed = URI.create(uri);
                String path = parsed.getPath() == null ? "" : parsed.getPath();
                name = path.replaceAll("/+$", "");
                if (name.isEmpty() && parsed.getHost() != null) {
                    return safe(parsed.getHost());
                }
            } catch (IllegalArgumentException ignored) {
                // not a valid URI: fall back to the text after the last slash below
            }
        } else if (uri.startsWith("sample:") || uri.startsWith("file:")) {
            name = uri.substring(uri.indexOf(':') + 1);
        }
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return safe(dot > 0 ? name.substring(0, dot) : name);
    }

    private static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return safe.isEmpty() ? "stream" : safe.toLowerCase(Locale.ROOT);
    }
}
