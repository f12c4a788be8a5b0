package org.trialevidence.analysis;

import jakarta.ws.rs.core.UriInfo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The query as the client sent it (decoded, in its order), for plot titles and for problems about the whole filter. */
public record QueryText(String text, String parameters) {

    public static QueryText of(UriInfo uri) {
        String raw = uri.getRequestUri().getRawQuery();
        List<String> pairs = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] nameValue = pair.split("=", 2);
                String name = URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8);
                names.add(name);
                pairs.add(nameValue.length == 1 ? name : name + "=" + URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
            }
        }
        return new QueryText(pairs.isEmpty() ? "all results" : String.join("&", pairs), names.isEmpty() ? null : String.join(", ", names));
    }
}
