package org.trialevidence.result;

import org.trialevidence.entity.Result;
import org.trialevidence.contrast.Contrast;
import org.trialevidence.contrast.Contrasts;
import org.trialevidence.seeding.TrialSeed;
import org.trialevidence.entity.Arm;
import org.trialevidence.entity.ArmDrug;

import java.util.List;
import java.util.Optional;

/** The contrast of a stored result's comparison: derived from its two arms, or the trial's curated override for them. */
public final class ResultContrast {
    private ResultContrast() {
    }

    public static Optional<Contrast> of(Result result) {
        if (result.experimentalArm == null) {
            return Optional.empty();
        }
        String experimental = result.experimentalArm.armId;
        String control = result.controlArm.armId;
        // A database from before contrasts were curated has no overrides column value for its trials.
        List<TrialSeed.ContrastOverride> overrides = result.trial.contrastOverrides == null ? List.of() : result.trial.contrastOverrides;
        Optional<Contrasts.Override> override = overrides.stream()
                .filter(curated -> curated.experimentalArm().equals(experimental) && curated.controlArm().equals(control))
                .findFirst().map(curated -> new Contrasts.Override(curated.design(), curated.label(), curated.reason(), curated.continued()));
        return Contrasts.of(regimen(result.experimentalArm), regimen(result.controlArm), override);
    }

    /**
     * An arm's role in the result: experimental or control as the comparison names it when the comparison is a
     * treatment contrast (EMBER-3's imlunestrant arm is the control of imlunestrant + abemaciclib), else the trial's.
     */
    static String role(Result result, String armId, boolean contrasted) {
        if (contrasted && result.experimentalArm.armId.equals(armId)) {
            return "experimental";
        }
        if (contrasted && result.controlArm.armId.equals(armId)) {
            return "control";
        }
        return result.trial.arm(armId).role;
    }

    private static Contrasts.Regimen regimen(Arm arm) {
        return new Contrasts.Regimen(arm.role, arm.drugs.stream().map(ArmDrug::drug).toList(), arm.dose);
    }
}
