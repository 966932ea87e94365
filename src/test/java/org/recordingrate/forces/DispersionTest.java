package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Winsorising, phi and tau2 by hand; R's quantile(type = 7) values quoted from R 4.2.2. */
class DispersionTest {

    @Test
    void quantilesAsR() {
        double[] sorted = {1, 2, 3, 4, 10};
        // quantile(c(1, 2, 3, 4, 10), c(0.1, 0.9)) -> 1.4, 7.6
        assertEquals(1.4, Dispersion.quantile7(sorted, 0.1), 1e-15);
        assertEquals(7.6, Dispersion.quantile7(sorted, 0.9), 1e-15);
        assertEquals(10, Dispersion.quantile7(sorted, 1), 0);
        assertEquals(1, Dispersion.quantile7(sorted, 0), 0);
    }

    @Test
    void byHand() {
        double[] z = {-3, -1, 0, 1, 10};
        double[] s = {0.01, 0.02, 0.01, 0.02, 0.01};
        Dispersion d = Dispersion.estimate(z, s, 0.1);
        // winsorised at -2.2 and 6.4: squares 4.84 + 1 + 0 + 1 + 40.96 = 47.8
        assertEquals(-2.2, d.lowerZ(), 1e-15);
        assertEquals(6.4, d.upperZ(), 1e-14);
        assertEquals(47.8 / 5, d.phi(), 1e-13);
        double w = 3 * 1e4 + 2 * 2500;
        double w2 = 3 * 1e8 + 2 * 2500.0 * 2500;
        assertEquals((5 * 47.8 / 5 - 4) / (w - w2 / w), d.tau2(), 1e-15);
        // none winsorised: the plain mean of squares
        assertEquals((9 + 1 + 0 + 1 + 100) / 5.0, Dispersion.estimate(z, s, 0).phi(), 1e-13);
        // no over-dispersion: tau2 0
        assertEquals(0, Dispersion.estimate(new double[] {-0.5, 0.2, 0.4}, new double[] {1, 1, 1}, 0.1).tau2(), 0);
        assertEquals(1, Dispersion.estimate(new double[] {0}, new double[] {1}, 0.1).pValue(), 0);
    }

    @Test
    void refusals() {
        double[] z = {1, 2};
        double[] s = {1, 1};
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class, () -> Dispersion.estimate(z, s, 10));
        assertTrue(percent.getMessage().contains("did you mean 0.1?"), percent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dispersion.estimate(z, s, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Dispersion.estimate(z, new double[] {1}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Dispersion.estimate(new double[] {Double.NaN, 1}, s, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Dispersion.estimate(z, new double[] {1, 0}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> Dispersion.estimate(new double[0], new double[0], 0.1));
    }
}
