package io.frameflow.jobs.spec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a key path such as {@code stages[0].detect.threshold} in YAML text, so that
 * error messages point at the line to fix. Jackson reports positions where it noticed a problem,
 * which for records is the end of the enclosing map; the YAML node tree knows where each key is.
 */
final class YamlLines {
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private YamlLines() {}

    /** The 1-based line of the deepest node of {@code path} that exists, or 0 if none. */
    static int lineOf(String yaml, String path) {
        Node node;
        try {
            node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException ignored) {
            // unparseable YAML: the parser's own message carries the line
            return 0;
        }
        int line = 0;
        for (Object step : steps(path)) {
            if (step instanceof Integer index && node instanceof SequenceNode seq) {
                if (index >= seq.getValue().size()) {
                    break;
                }
                node = seq.getValue().get(index);
                line = node.getStartMark().getLine() + 1;
            } else if (step instanceof String key && node instanceof MappingNode map) {
                NodeTuple tuple = find(map, key);
                if (tuple == null) {
                    break;
                }
                // the key's line is where the user wrote it, also for a nested map or list
                line = tuple.getKeyNode().getStartMark().getLine() + 1;
                node = tuple.getValueNode();
            } else {
                break;
            }
        }
        return line;
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        Matcher m = STEP.matcher(path);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        return steps;
    }

    private static NodeTuple find(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }
}
