package io.frameflow.inference.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.frameflow.inference.spec.ModelSpec;
import io.frameflow.inference.spec.ModelSpecException;
import io.frameflow.inference.spec.ModelSpecLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The models FrameFlow knows by name. The built-in catalog is a set of YAML specs on the classpath,
 * listed in {@code /io/frameflow/inference/catalog/index.yaml}.
 */
public final class ModelCatalog {
    private static final String RESOURCE_DIR = "/io/frameflow/inference/catalog/";

    private final Map<String, ModelSpec> specs;

    private ModelCatalog(Map<String, ModelSpec> specs) {
        this.specs = specs;
    }

    /** A catalog of the given specs. */
    public static ModelCatalog of(Collection<ModelSpec> specs) {
        Map<String, ModelSpec> byName = new TreeMap<>();
        for (ModelSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("two catalog entries are named " + spec.name());
            }
        }
        return new ModelCatalog(byName);
    }

    /** The catalog that ships with FrameFlow. */
    public static ModelCatalog builtIn() {
        Index index = readIndex();
        List<ModelSpec> specs =
                index.models().entrySet().stream()
                        .map(entry -> readBuiltIn(entry.getKey(), entry.getValue()))
                        .toList();
        return of(specs);
    }

    /**
     * The spec of a model.
     *
     * @throws UnknownModelException {@code unknown model 'x'; known models: a, b}
     */
    public ModelSpec get(String name) {
        ModelSpec spec = specs.get(name);
        if (spec == null) {
            throw new UnknownModelException(
                    "unknown model '" + name + "'; known models: " + String.join(", ", names()));
        }
        return spec;
    }

    /** The model names, sorted. */
    public Set<String> names() {
        return specs.keySet();
    }

    /** The shape of {@code index.yaml}: model name to spec file next to it. */
    private record Index(Map<String, String> models) {}

    private static Index readIndex() {
        ObjectMapper mapper =
                YAMLMapper.builder()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
        try (InputStream in = open("index.yaml")) {
            return mapper.readValue(in, Index.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in catalog index", e);
        }
    }

    private static ModelSpec readBuiltIn(String name, String file) {
        try (InputStream in = open(file)) {
            ModelSpec spec = ModelSpecLoader.read(file, in);
            if (!spec.name().equals(name)) {
                throw new ModelSpecException(
                        file
                                + ": name: '"
                                + spec.name()
                                + "' but the catalog index lists it as '"
                                + name
                                + "'");
            }
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in model spec " + file, e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE_DIR + file);
        if (in == null) {
            throw new IOException("resource " + RESOURCE_DIR + file + " is missing");
        }
        return in;
    }
}
