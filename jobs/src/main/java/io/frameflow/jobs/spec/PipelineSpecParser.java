package io.frameflow.jobs.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads pipeline files. Every problem becomes a {@link PipelineSpecException} with one line that
 * names the file, the line, the key path and the value, so a user can fix the file without reading
 * a stack trace.
 */
public final class PipelineSpecParser {
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private PipelineSpecParser() {}

    /** Reads and validates {@code file}. */
    public static PipelineSpec parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PipelineSpecException(file + ": pipeline file not found");
        } catch (IOException e) {
            throw new PipelineSpecException(file + ": cannot read pipeline file: " + e, e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Reads and validates pipeline YAML; {@code fileName} is used in messages. */
    public static PipelineSpec parse(String yaml, String fileName) {
        if (yaml.isBlank()) {
            throw new PipelineSpecException(fileName + ": the pipeline file is empty");
        }
        PipelineSpec spec;
        try {
            spec = YAML.readValue(yaml, PipelineSpec.class);
        } catch (JacksonException e) {
            throw new PipelineSpecException(fileName + ": " + describe(e, yaml), e);
        }
        if (spec == null) {
            throw new PipelineSpecException(fileName + ": the pipeline file is empty");
        }
        PipelineValidator.validate(spec, fileName, path -> YamlLines.lineOf(yaml, path));
        return spec;
    }

    /** One line for a binding error: line, key path, what is wrong. */
    static String describe(JacksonException e, String yaml) {
        if (e instanceof UnrecognizedPropertyException u) {
            String at = path(u.getPath(), 1);
            String key = at.isEmpty() ? u.getPropertyName() : at + "." + u.getPropertyName();
            return line(YamlLines.lineOf(yaml, key))
                    + prefix(at)
                    + "unknown key '"
                    + u.getPropertyName()
                    + "'"
                    + KeySuggestions.hint(u.getPropertyName(), u.getKnownPropertyIds());
        }
        if (e instanceof MismatchedInputException m) {
            String at = path(m.getPath(), 0);
            String where = line(YamlLines.lineOf(yaml, at)) + prefix(at);
            if (m instanceof InvalidFormatException f) {
                return where
                        + "'"
                        + f.getValue()
                        + "' is not "
                        + TypeNames.describe(f.getTargetType());
            }
            if (m.getTargetType() != null) {
                return where + "expected " + TypeNames.describe(m.getTargetType());
            }
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            String at = path(v.getPath(), 0);
            return line(YamlLines.lineOf(yaml, at)) + prefix(at) + v.getCause().getMessage();
        }
        if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            // SnakeYAML's own message spans several lines; keep its problem and position
            String context = y.getContext() == null ? "" : " (" + y.getContext() + ")";
            return line(y.getProblemMark().getLine() + 1)
                    + "invalid YAML at column "
                    + (y.getProblemMark().getColumn() + 1)
                    + ": "
                    + y.getProblem()
                    + context;
        }
        return line(e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                + "invalid YAML: "
                + e.getOriginalMessage().replace('\n', ' ');
    }

    private static String line(int line) {
        return line < 1 ? "" : "line " + line + ": ";
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    /** {@code stages[0].detect}, leaving out the last {@code drop} references. */
    private static String path(List<JsonMappingException.Reference> refs, int drop) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < refs.size() - drop; i++) {
            JsonMappingException.Reference r = refs.get(i);
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
