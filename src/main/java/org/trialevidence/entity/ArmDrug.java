package org.trialevidence.entity;

import jakarta.persistence.Embeddable;


/** A drug of an arm (drugs vocabulary code) with its drug class at the time it was stored. */
@Embeddable
public record ArmDrug(String drug, String drugClass) { }
