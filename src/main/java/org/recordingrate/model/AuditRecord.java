package org.recordingrate.model;

import java.util.Optional;

import org.recordingrate.internal.Args;

/**
 * One audited record: a report of crime that should have been recorded, the category it
 * belongs to, and the auditors' finding: recorded or not. Reports come in incidents (one log
 * of a report to the police can hold several crimes); {@code incident} names the log when
 * known, so that estimates can treat the crimes of one incident as a cluster.
 *
 * @param id       the record's id in the force's system; not blank
 * @param category the crime category; not blank
 * @param recorded whether the force recorded the crime
 * @param incident the incident (log) the record belongs to, if known; not blank when present
 */
public record AuditRecord(String id, String category, boolean recorded, Optional<String> incident) {

    /**
     * Validates the record and strips the id, the category and the incident of surrounding white
     * space.
     *
     * @param id       the record's id in the force's system; not blank
     * @param category the crime category; not blank
     * @param recorded whether the force recorded the crime
     * @param incident the incident (log) the record belongs to, or empty if not known (never null); not
     *                 blank when present
     * @throws IllegalArgumentException for a blank id or category, a null or blank incident
     */
    public AuditRecord {
        String stripped = Args.notBlank("record id", id);
        id = stripped;
        category = Args.notBlank("category", category);
        Args.notNull("incident of record '" + stripped + "'", incident);
        incident = incident.map(i -> Args.notBlank("incident of record '" + stripped + "'", i));
    }

    /**
     * A record without a known incident.
     *
     * @param id       the record's id in the force's system; not blank
     * @param category the crime category; not blank
     * @param recorded whether the force recorded the crime
     * @return the record, with an empty incident
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static AuditRecord of(String id, String category, boolean recorded) {
        return new AuditRecord(id, category, recorded, Optional.empty());
    }

    /**
     * A record of an incident.
     *
     * @param id       the record's id in the force's system; not blank
     * @param category the crime category; not blank
     * @param recorded whether the force recorded the crime
     * @param incident the incident (log) the record belongs to; not blank
     * @return the record
     * @throws IllegalArgumentException as the canonical constructor, or if {@code incident} is null
     */
    public static AuditRecord of(String id, String category, boolean recorded, String incident) {
        return new AuditRecord(id, category, recorded, Optional.of(Args.notNull("incident", incident)));
    }
}
