/**
 * Converts models that ship in other formats to ONNX with the project's own code.
 *
 * <p>{@link io.frameflow.inference.convert.TfjsGraphConverter} turns a TF.js graph model into an
 * ONNX file: {@code TfjsModelReader} parses model.json and decodes the weight shards, {@code
 * GraphTranslator} walks the nodes the outputs need, folds constant sub-graphs and hands each op to
 * the {@code OpConverter} registered for it, and {@code OnnxGraphBuilder} assembles the graph and
 * removes transposes that cancel. {@link io.frameflow.inference.convert.Waifu2xJsonConverter} and
 * {@link io.frameflow.inference.convert.NcnnConverter} write waifu2x JSON and ncnn models through
 * the same graph builder. {@link io.frameflow.inference.convert.OnnxOutputComparator} checks a
 * conversion against a reference ONNX file in ONNX Runtime.
 */
package io.frameflow.inference.convert;
