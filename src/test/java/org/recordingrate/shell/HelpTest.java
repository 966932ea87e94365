package org.recordingrate.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Token;
import org.recordingrate.resample.BootstrapInterval;

/**
 * No verb is forgotten: every public static method of {@link RecordingRate} has a help entry, and
 * {@code help("verb")} prints its forms, with the verb in them, and every token its options take.
 */
class HelpTest {

    /** The verbs of the facade: the names of its public static methods. */
    static Set<String> verbs() {
        Set<String> verbs = new TreeSet<>();
        for (Method method : RecordingRate.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())) {
                verbs.add(method.getName());
            }
        }
        return verbs;
    }

    @Test
    void everyVerbHasHelpAndEveryHelpIsAVerb() {
        Set<String> verbs = verbs();
        assertTrue(verbs.size() >= 20, verbs.toString());
        Set<String> helped = new TreeSet<>(Help.verbs());
        for (String verb : verbs) {
            assertTrue(helped.contains(verb.toLowerCase(Locale.ROOT)), "help(\"" + verb + "\") is missing");
        }
        for (String entry : helped) {
            assertTrue(verbs.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(entry)), entry + " is no verb");
        }
        String overview = RecordingRateTest.printed(RecordingRate::help);
        for (String verb : verbs) {
            String text = RecordingRateTest.printed(() -> RecordingRate.help(verb));
            // the forms show the verb in use (save and show are under save, methods() in its own entry)
            assertTrue(text.contains(verb + "("), verb + ":\n" + text);
            assertTrue(overview.contains(verb + "("), "help() lists " + verb + ":\n" + overview);
        }
    }

    @Test
    void aVerbsHelpListsEveryTokenItsOptionsTake() {
        String compare = Help.verb("compare");
        for (List<? extends Token> tokens : List.of(List.of(DifferenceMethod.values()), List.of(ChangeTest.values()))) {
            for (Token token : tokens) {
                assertTrue(compare.contains(token.token()), token.token() + " in\n" + compare);
            }
        }
        assertTrue(compare.contains("permutation") && compare.contains("seed=...") && compare.contains("wald_cc"), compare);
        for (IntervalMethod method : IntervalMethod.values()) {
            assertTrue(Help.verb("estimate").contains(method.token()));
        }
        for (BootstrapInterval interval : BootstrapInterval.values()) {
            assertTrue(Help.verb("Bootstrap ").contains(interval.token()), "case and space ignored");
        }
        assertEquals(Help.verb("fromText"), Help.verb("fromtext"));
        IllegalArgumentException bogus = assertThrows(IllegalArgumentException.class, () -> Help.verb("bogus"));
        assertTrue(bogus.getMessage().startsWith("verb ('bogus') must be one of ") && bogus.getMessage().contains("permute"),
                bogus.getMessage());
    }

    @Test
    void methodsListsEveryTokenOfEveryChoice() {
        String methods = RecordingRateTest.printed(RecordingRate::methods);
        for (DifferenceMethod method : DifferenceMethod.values()) {
            assertTrue(methods.contains(method.token()), methods);
        }
        assertTrue(methods.contains("permutation") && methods.contains("bca") && methods.contains("optimal"), methods);
    }
}
