package org.recordingrate.report;

import org.recordingrate.format.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Non-finite numbers are written the one documented way (README: unbounded values are the string
 * "Inf" in JSON, NaN is null), whatever their boxed type: a Float's own toString gives
 * "Infinity" and "NaN", which are not JSON (RFC 8259, section 6, allows neither).
 */
class JsonValueTest {

    @Test
    void floatsAndDoublesShareTheNonFiniteForms() {
        assertEquals("\"Inf\"", Json.value(Float.POSITIVE_INFINITY, false, 0));
        assertEquals("\"-Inf\"", Json.value(Float.NEGATIVE_INFINITY, false, 0));
        assertEquals("null", Json.value(Float.NaN, false, 0));
        assertEquals(Json.value(Double.POSITIVE_INFINITY, false, 0), Json.value(Float.POSITIVE_INFINITY, false, 0));
        // a finite float keeps its own shortest decimal, not the widened double's 0.10000000149011612
        assertEquals("0.1", Json.value(0.1f, false, 0));
        // each form parses as JSON (the test's own parser)
        for (Object value : new Object[] {Float.POSITIVE_INFINITY, Float.NaN, 0.1f}) {
            JsonSyntax.parse("[" + Json.value(value, false, 0) + "]");
        }
    }
}
