package io.frameflow.inference.spec;

/** Memory order of an image tensor: channels first (NCHW) or last (NHWC). */
public enum TensorLayout {
    NCHW,
    NHWC
}
