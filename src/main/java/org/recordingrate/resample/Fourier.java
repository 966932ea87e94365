package org.recordingrate.resample;

/**
 * Convolution of non-negative sequences by the fast Fourier transform: the radix-2
 * Cooley-Tukey transform in place on separate real and imaginary arrays, twiddle factors from
 * {@link StrictMath} (so every machine computes the same bits). Used for the lattice of the exact
 * bootstrap when the categories' distributions are too long to convolve directly. The rounding
 * of the transform leaves errors of about 1e-16 times the largest term (times log<sub>2</sub> N);
 * negative results of that rounding are set to 0.
 */
final class Fourier {

    private Fourier() {
    }

    /**
     * The convolution of the sequences, of length sum(lengths) - (count - 1), computed in a
     * transform of the next power of two at least that long.
     */
    static double[] convolve(double[][] sequences) {
        int length = 1;
        for (double[] s : sequences) {
            length += s.length - 1;
        }
        int n = Integer.highestOneBit(Math.max(1, length - 1)) << 1;
        if (n < length) {
            n <<= 1;
        }
        double[] cos = new double[n / 2];
        double[] sin = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            double angle = -2 * Math.PI * i / n;
            cos[i] = StrictMath.cos(angle);
            sin[i] = StrictMath.sin(angle);
        }
        double[] productRe = null;
        double[] productIm = null;
        double[] re = new double[n];
        double[] im = new double[n];
        for (double[] s : sequences) {
            java.util.Arrays.fill(re, 0);
            java.util.Arrays.fill(im, 0);
            System.arraycopy(s, 0, re, 0, s.length);
            transform(re, im, cos, sin, false);
            if (productRe == null) {
                productRe = re.clone();
                productIm = im.clone();
            } else {
                for (int i = 0; i < n; i++) {
                    double a = productRe[i];
                    double b = productIm[i];
                    productRe[i] = a * re[i] - b * im[i];
                    productIm[i] = a * im[i] + b * re[i];
                }
            }
        }
        transform(productRe, productIm, cos, sin, true);
        double[] result = new double[length];
        for (int i = 0; i < length; i++) {
            result[i] = Math.max(0, productRe[i] / n);
        }
        return result;
    }

    /** The discrete Fourier transform in place (inverse: conjugate twiddles, not scaled). */
    static void transform(double[] re, double[] im, double[] cos, double[] sin, boolean inverse) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >> 1;
            int step = n / size;
            for (int start = 0; start < n; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = inverse ? -sin[k * step] : sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
