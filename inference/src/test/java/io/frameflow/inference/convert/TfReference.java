package io.frameflow.inference.convert;

/**
 * Plain loop implementations of TF ops on NHWC tensors, written from TF's definitions and
 * independent of the converter; the oracle that converted ONNX models are checked against.
 */
final class TfReference {
    private TfReference() {}

    /**
     * Where a window starts and how many outputs there are along one spatial axis.
     *
     * @param padBefore rows/columns of implicit padding before the first input element
     */
    record Axis(int kernel, int stride, int dilation, int padBefore, int outSize) {

        static Axis same(int in, int kernel, int stride, int dilation) {
            int out = (in + stride - 1) / stride;
            int extent = (kernel - 1) * dilation + 1;
            int total = Math.max((out - 1) * stride + extent - in, 0);
            return new Axis(kernel, stride, dilation, total / 2, out);
        }

        static Axis valid(int in, int kernel, int stride, int dilation) {
            int extent = (kernel - 1) * dilation + 1;
            return new Axis(kernel, stride, dilation, 0, (in - extent) / stride + 1);
        }

        static Axis explicit(int in, int kernel, int stride, int before, int after) {
            return new Axis(kernel, stride, 1, before, (in + before + after - kernel) / stride + 1);
        }

        int source(int out, int k) {
            return out * stride - padBefore + k * dilation;
        }
    }

    /** tf.nn.conv2d; filter [kh, kw, in, out]. */
    static Nhwc conv2d(Nhwc x, float[] filter, int outChannels, Axis ay, Axis ax) {
        Nhwc out = Nhwc.zeros(x.n(), ay.outSize(), ax.outSize(), outChannels);
        for (int b = 0; b < x.n(); b++) {
            for (int oy = 0; oy < ay.outSize(); oy++) {
                for (int ox = 0; ox < ax.outSize(); ox++) {
                    for (int o = 0; o < outChannels; o++) {
                        double sum = 0;
                        for (int ky = 0; ky < ay.kernel(); ky++) {
                            for (int kx = 0; kx < ax.kernel(); kx++) {
                                int y = ay.source(oy, ky);
                                int xx = ax.source(ox, kx);
                                if (!x.inside(y, xx)) {
                                    continue;
                                }
                                for (int i = 0; i < x.c(); i++) {
                                    int f = ((ky * ax.kernel() + kx) * x.c() + i) * outChannels + o;
                                    sum += x.at(b, y, xx, i) * filter[f];
                                }
                            }
                        }
                        out.data()[out.index(b, oy, ox, o)] = (float) sum;
                    }
                }
            }
        }
        return out;
    }

    /** tf.nn.depthwise_conv2d; filter [kh, kw, in, multiplier], output channel i·mult + m. */
    static Nhwc depthwise(Nhwc x, float[] filter, int multiplier, Axis ay, Axis ax) {
        Nhwc out = Nhwc.zeros(x.n(), ay.outSize(), ax.outSize(), x.c() * multiplier);
        for (int b = 0; b < x.n(); b++) {
            for (int oy = 0; oy < ay.outSize(); oy++) {
                for (int ox = 0; ox < ax.outSize(); ox++) {
                    for (int i = 0; i < x.c(); i++) {
                        for (int m = 0; m < multiplier; m++) {
                            double sum = 0;
                            for (int ky = 0; ky < ay.kernel(); ky++) {
                                for (int kx = 0; kx < ax.kernel(); kx++) {
                                    int y = ay.source(oy, ky);
                                    int xx = ax.source(ox, kx);
                                    if (x.inside(y, xx)) {
                                        int f =
                                                ((ky * ax.kernel() + kx) * x.c() + i) * multiplier
                                                        + m;
                                        sum += x.at(b, y, xx, i) * filter[f];
                                    }
                                }
                            }
                            out.data()[out.index(b, oy, ox, i * multiplier + m)] = (float) sum;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** tf.nn.max_pool / avg_pool: padded cells take no part (not in the max, not counted). */
    static Nhwc pool(Nhwc x, boolean max, Axis ay, Axis ax) {
        Nhwc out = Nhwc.zeros(x.n(), ay.outSize(), ax.outSize(), x.c());
        for (int b = 0; b < x.n(); b++) {
            for (int oy = 0; oy < ay.outSize(); oy++) {
                for (int ox = 0; ox < ax.outSize(); ox++) {
                    for (int ch = 0; ch < x.c(); ch++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int count = 0;
                        for (int ky = 0; ky < ay.kernel(); ky++) {
                            for (int kx = 0; kx < ax.kernel(); kx++) {
                                int y = ay.source(oy, ky);
                                int xx = ax.source(ox, kx);
                                if (x.inside(y, xx)) {
                                    float v = x.at(b, y, xx, ch);
                                    acc = max ? Math.max(acc, v) : acc + v;
                                    count++;
                                }
                            }
                        }
                        out.data()[out.index(b, oy, ox, ch)] = (float) (max ? acc : acc / count);
                    }
                }
            }
        }
        return out;
    }

    /**
     * tf.nn.conv2d_transpose (Conv2DBackpropInput): every input element scatters filter-weighted
     * copies into the output; filter [kh, kw, out channels, in channels].
     */
    static Nhwc conv2dTranspose(
            Nhwc x, float[] filter, int outChannels, int outH, int outW, Axis ay, Axis ax) {
        Nhwc out = Nhwc.zeros(x.n(), outH, outW, outChannels);
        for (int b = 0; b < x.n(); b++) {
            for (int iy = 0; iy < x.h(); iy++) {
                for (int ix = 0; ix < x.w(); ix++) {
                    for (int ky = 0; ky < ay.kernel(); ky++) {
                        for (int kx = 0; kx < ax.kernel(); kx++) {
                            int y = ay.source(iy, ky);
                            int xx = ax.source(ix, kx);
                            if (!out.inside(y, xx)) {
                                continue;
                            }
                            for (int o = 0; o < outChannels; o++) {
                                for (int i = 0; i < x.c(); i++) {
                                    int f = ((ky * ax.kernel() + kx) * outChannels + o) * x.c() + i;
                                    out.data()[out.index(b, y, xx, o)] +=
                                            x.at(b, iy, ix, i) * filter[f];
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** How TF maps output coordinates to input coordinates when resizing. */
    enum ResizeMode {
        ASYMMETRIC,
        HALF_PIXEL,
        ALIGN_CORNERS
    }

    /** tf.image.resize_bilinear (legacy op), including its clamping at the borders. */
    static Nhwc resizeBilinear(Nhwc x, int outH, int outW, ResizeMode mode) {
        Nhwc out = Nhwc.zeros(x.n(), outH, outW, x.c());
        for (int b = 0; b < x.n(); b++) {
            for (int oy = 0; oy < outH; oy++) {
                double sy = source(oy, x.h(), outH, mode);
                int y0 = (int) Math.floor(sy);
                double fy = sy - y0;
                int top = Math.max(y0, 0);
                int bottom = Math.min((int) Math.ceil(sy), x.h() - 1);
                for (int ox = 0; ox < outW; ox++) {
                    double sx = source(ox, x.w(), outW, mode);
                    int x0 = (int) Math.floor(sx);
                    double fx = sx - x0;
                    int left = Math.max(x0, 0);
                    int right = Math.min((int) Math.ceil(sx), x.w() - 1);
                    for (int ch = 0; ch < x.c(); ch++) {
                        double upper =
                                x.at(b, top, left, ch)
                                        + (x.at(b, top, right, ch) - x.at(b, top, left, ch)) * fx;
                        double lower =
                                x.at(b, bottom, left, ch)
                                        + (x.at(b, bottom, right, ch) - x.at(b, bottom, left, ch))
                                                * fx;
                        out.data()[out.index(b, oy, ox, ch)] =
                                (float) (upper + (lower - upper) * fy);
                    }
                }
            }
        }
        return out;
    }

    /** tf.image.resize_nearest_neighbor (legacy op). */
    static Nhwc resizeNearest(Nhwc x, int outH, int outW, ResizeMode mode) {
        Nhwc out = Nhwc.zeros(x.n(), outH, outW, x.c());
        for (int b = 0; b < x.n(); b++) {
            for (int oy = 0; oy < outH; oy++) {
                int y = nearest(oy, x.h(), outH, mode);
                for (int ox = 0; ox < outW; ox++) {
                    int xx = nearest(ox, x.w(), outW, mode);
                    for (int ch = 0; ch < x.c(); ch++) {
                        out.data()[out.index(b, oy, ox, ch)] = x.at(b, y, xx, ch);
                    }
                }
            }
        }
        return out;
    }

    private static double scale(int in, int out, ResizeMode mode) {
        return mode == ResizeMode.ALIGN_CORNERS && out > 1
                ? (in - 1.0) / (out - 1.0)
                : (double) in / out;
    }

    private static double source(int o, int in, int out, ResizeMode mode) {
        double scale = scale(in, out, mode);
        return mode == ResizeMode.HALF_PIXEL ? (o + 0.5) * scale - 0.5 : o * scale;
    }

    private static int nearest(int o, int in, int out, ResizeMode mode) {
        double scale = scale(in, out, mode);
        long index;
        if (mode == ResizeMode.ALIGN_CORNERS) {
            index = Math.round(o * scale);
        } else if (mode == ResizeMode.HALF_PIXEL) {
            index = (long) Math.floor((o + 0.5) * scale);
        } else {
            index = (long) Math.floor(o * scale);
        }
        return (int) Math.max(0, Math.min(index, in - 1));
    }
}
