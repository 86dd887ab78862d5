package io.frameflow.inference.detect;

import io.frameflow.inference.catalog.FetchedModel;
import io.frameflow.inference.fetch.Sha256;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelSpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example specs of docs/models.md ("Your own models"), taken from the document itself so that
 * what users read is what the tests load.
 */
final class OwnModelSpecs {
    /** Maven runs tests in the module's directory; the docs are beside it. */
    private static final Path DOC = Path.of("..", "docs", "models.md");

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private OwnModelSpecs() {}

    /** The text of the YAML block in the document whose first line is {@code name: <name>}. */
    static String yaml(String name) {
        String doc;
        try {
            doc = Files.readString(DOC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOC.toAbsolutePath(), e);
        }
        Matcher block = YAML_BLOCK.matcher(doc);
        while (block.find()) {
            if (block.group(1).startsWith("name: " + name + "\n")) {
                return block.group(1);
            }
        }
        throw new IllegalStateException(DOC + " has no yaml block for name: " + name);
    }

    /** Writes the YAML to {@code <dir>/<name>.yaml} and loads it as a user's spec file is. */
    static ModelSpec load(Path dir, String name, String yaml) throws IOException {
        return ModelSpecLoader.load(Files.writeString(dir.resolve(name + ".yaml"), yaml));
    }

    /** A model as the cache would hand it over: the spec and a local ONNX file. */
    static FetchedModel fetched(ModelSpec spec, Path onnx) {
        return new FetchedModel(spec, onnx, Sha256.of(onnx));
    }
}
