package org.trialevidence.auth;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.util.Arrays;

/**
 * The service's entry point. {@code token ...} mints a curation token and exits without starting the service (it
 * needs no port, database or seed-data); anything else starts the service as before.
 */
@QuarkusMain
public class Main {
    public static void main(String... args) {
        if (args.length > 0 && TokenCommand.NAME.equals(args[0])) {
            System.exit(TokenCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        Quarkus.run(args);
    }
}
