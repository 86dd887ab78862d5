package io.frameflow.inference.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text form of an ncnn {@code .param} file: the magic number 7767517, a line with the
 * layer and blob counts, then one line per layer: {@code type name inputCount outputCount inputs...
 * outputs... id=value...}.
 */
final class NcnnParamReader {
    static final String MAGIC = "7767517";
    private static final int ARRAY_ID_BASE = -23300;

    private NcnnParamReader() {}

    static List<NcnnLayer> read(Path paramFile) throws IOException {
        List<String> lines = Files.readAllLines(paramFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(MAGIC)) {
            throw new ModelConversionException(
                    paramFile
                            + " is not an ncnn text .param file: the first line is not "
                            + MAGIC
                            + " (binary .param.bin files are not supported)");
        }
        int declared = declaredLayerCount(paramFile, lines);
        List<NcnnLayer> layers = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                layers.add(parseLayer(paramFile, line, i + 1));
            }
        }
        if (layers.size() != declared) {
            throw new ModelConversionException(
                    paramFile + " declares " + declared + " layers but has " + layers.size());
        }
        return layers;
    }

    private static int declaredLayerCount(Path paramFile, List<String> lines) {
        String[] counts = lines.size() > 1 ? lines.get(1).strip().split("\\s+") : new String[0];
        try {
            if (counts.length == 2) {
                return Integer.parseInt(counts[0]);
            }
        } catch (NumberFormatException ignored) {
            // reported below with the line itself
        }
        throw new ModelConversionException(
                paramFile
                        + " line 2 should hold the layer and blob counts, got '"
                        + (lines.size() > 1 ? lines.get(1) : "")
                        + "'");
    }

    private static NcnnLayer parseLayer(Path paramFile, String line, int number) {
        String[] tokens = line.split("\\s+");
        String where = paramFile + " line " + number + ": ";
        if (tokens.length < 4) {
            throw new ModelConversionException(where + "expected 'type name inputs outputs ...'");
        }
        int inputCount = count(tokens[2], where);
        int outputCount = count(tokens[3], where);
        int blobsEnd = 4 + inputCount + outputCount;
        if (tokens.length < blobsEnd) {
            throw new ModelConversionException(
                    where
                            + "names fewer blobs than its counts "
                            + inputCount
                            + " and "
                            + outputCount);
        }
        List<String> inputs = List.of(tokens).subList(4, 4 + inputCount);
        List<String> outputs = List.of(tokens).subList(4 + inputCount, blobsEnd);
        Map<Integer, String> params = new HashMap<>();
        for (int t = blobsEnd; t < tokens.length; t++) {
            int eq = tokens[t].indexOf('=');
            int id;
            try {
                id = Integer.parseInt(tokens[t].substring(0, Math.max(eq, 0)));
            } catch (NumberFormatException e) {
                throw new ModelConversionException(
                        where + "'" + tokens[t] + "' is not an id=value parameter");
            }
            if (id <= ARRAY_ID_BASE) {
                id = ARRAY_ID_BASE - id;
            }
            if (params.put(id, tokens[t].substring(eq + 1)) != null) {
                throw new ModelConversionException(where + "parameter " + id + " is given twice");
            }
        }
        return new NcnnLayer(tokens[0], tokens[1], inputs, outputs, params, number);
    }

    private static int count(String token, String where) {
        try {
            int value = Integer.parseInt(token);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ModelConversionException(where + "'" + token + "' is not a blob count");
    }
}
