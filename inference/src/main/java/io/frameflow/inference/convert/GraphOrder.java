package io.frameflow.inference.convert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the nodes that the requested outputs depend on so that every node comes after its inputs.
 * Nodes no output needs are left out. Iterative, so deep graphs cannot overflow the stack.
 */
final class GraphOrder {
    private enum State {
        VISITING,
        DONE
    }

    /** A node on the depth-first stack and the index of its next input to visit. */
    private static final class Frame {
        final TfjsNode node;
        int nextInput;

        Frame(TfjsNode node) {
            this.node = node;
        }
    }

    private GraphOrder() {}

    static List<TfjsNode> topological(Map<String, TfjsNode> nodes, Collection<String> roots) {
        List<TfjsNode> order = new ArrayList<>();
        Map<String, State> state = new HashMap<>();
        for (String root : roots) {
            visit(lookup(nodes, root, null), nodes, state, order);
        }
        return order;
    }

    private static void visit(
            TfjsNode root,
            Map<String, TfjsNode> nodes,
            Map<String, State> state,
            List<TfjsNode> order) {
        if (state.containsKey(root.name())) {
            return;
        }
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root));
        state.put(root.name(), State.VISITING);
        while (!stack.isEmpty()) {
            Frame frame = stack.peek();
            TfjsNode node = frame.node;
            int next = frame.nextInput++;
            if (next == node.inputs().size()) {
                stack.pop();
                state.put(node.name(), State.DONE);
                order.add(node);
                continue;
            }
            TfjsNode input = lookup(nodes, node.inputs().get(next).node(), node);
            State seen = state.get(input.name());
            if (seen == State.VISITING) {
                throw new ModelConversionException(
                        "the graph has a cycle through "
                                + input
                                + "; TF control flow (loops) cannot be converted");
            }
            if (seen == null) {
                state.put(input.name(), State.VISITING);
                stack.push(new Frame(input));
            }
        }
    }

    private static TfjsNode lookup(Map<String, TfjsNode> nodes, String name, TfjsNode user) {
        TfjsNode node = nodes.get(name);
        if (node == null) {
            throw new ModelConversionException(
                    (user == null ? "the signature" : user.toString())
                            + " refers to node '"
                            + name
                            + "', which is not in the graph");
        }
        return node;
    }
}
