package io.frameflow.inference.convert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The op converters by TF op name. */
final class OpConverterRegistry {
    /** Ops the translator handles itself rather than through a converter. */
    static final List<String> BUILT_IN_OPS = List.of("Const", "Placeholder");

    private final Map<String, OpConverter> byOp = new TreeMap<>();

    OpConverterRegistry(List<OpConverter> converters) {
        for (OpConverter converter : converters) {
            for (String op : converter.ops()) {
                OpConverter previous = byOp.put(op, converter);
                if (previous != null) {
                    throw new IllegalStateException(
                            "op " + op + " is claimed by " + previous + " and " + converter);
                }
            }
        }
    }

    /** Every converter the project has. */
    static OpConverterRegistry standard() {
        return new OpConverterRegistry(
                List.of(
                        new IdentityConverter(),
                        new ElementwiseConverter(),
                        new ActivationConverter(),
                        new ConvConverter(),
                        new ConvTransposeConverter(),
                        new PoolConverter(),
                        new ResizeConverter(),
                        new PadConverter(),
                        new TransposeConverter(),
                        new ReshapeConverter(),
                        new ConcatConverter(),
                        new SplitConverter(),
                        new MatMulConverter(),
                        new ReduceConverter(),
                        new CastConverter()));
    }

    Optional<OpConverter> find(String op) {
        return Optional.ofNullable(byOp.get(op));
    }

    /** All op names that can be converted, sorted. */
    List<String> supportedOps() {
        TreeSet<String> ops = new TreeSet<>(byOp.keySet());
        ops.addAll(BUILT_IN_OPS);
        return List.copyOf(ops);
    }
}
