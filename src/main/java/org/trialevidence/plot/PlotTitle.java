package org.trialevidence.plot;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.trialevidence.errors.ProblemException;

/** title=: the plot's own title in place of the one made from the filters. */
public class PlotTitle {
    static final int MAX_LENGTH = 200;

    @QueryParam("title")
    @Parameter(description = "The plot's title, up to 200 characters (wrapped to the plot's width); without it, the kind of plot and the filters in words"
            + " (\"Hazard ratios \u2014 endpoint: PFS; drug class: CDK4/6i\").")
    public String title;

    /** The title asked for, or the one given when none was. */
    String orElse(String made) {
        if (title == null || title.isBlank()) {
            return made;
        }
        String asked = title.strip();
        if (asked.codePointCount(0, asked.length()) > MAX_LENGTH || asked.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidParameter("title", "A title is one line of at most " + MAX_LENGTH + " characters, without control characters.", null, null);
        }
        return asked;
    }
}
