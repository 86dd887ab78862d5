package io.frameflow.inference.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A Maven artifact (a jar) pinned by version and by the sha256 of the jar: released Maven artifacts
 * are immutable, so a pinned digest never goes stale.
 */
public record MavenArtifactSpec(
        @JsonProperty(required = true) String group,
        @JsonProperty(required = true) String artifact,
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) String sha256)
        implements Serializable {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]+");

    public MavenArtifactSpec {
        id("group", group);
        id("artifact", artifact);
        SpecChecks.version("version", version);
        SpecChecks.sha256("sha256", sha256);
    }

    private static void id(String key, String value) {
        SpecChecks.nonBlank(key, value);
        if (!ID.matcher(value).matches()) {
            throw new SpecValueException(
                    key,
                    SpecChecks.quote(value)
                            + " is not a valid Maven id: use letters, digits, '.', '_' and '-'");
        }
    }

    /** {@code group:artifact:version}, the form {@code mvn dependency:copy} takes. */
    public String coordinates() {
        return group + ":" + artifact + ":" + version;
    }
}
