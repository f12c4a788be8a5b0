package org.trialevidence.index;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Equal values read separately (as rows read from the database hold them) come back as one instance, unchanged. */
class SharedValuesTest {
    @Test
    void equalValuesAreHeldOnce() {
        SharedValues values = new SharedValues();
        String first = values.of(new String("ESR1-mutant"));
        assertSame(first, values.of(new String("ESR1-mutant")));
        assertNotSame(first, values.of(new String("PIK3CA-mutant")));
        assertNull(values.of(null));
        // 0.58 and 0.580 print differently: a number is shared only with one of the same scale.
        assertNotSame(values.of(new BigDecimal("0.58")), values.of(new BigDecimal("0.580")));
        assertEquals("0.580", values.of(new BigDecimal("0.580")).toPlainString());
    }

    @Test
    void listsAndSetsKeepTheirOrderAndShareTheirElements() {
        SharedValues values = new SharedValues();
        List<String> first = values.list(new ArrayList<>(List.of(new String("PFS"), new String("OS"))));
        List<String> second = values.list(new ArrayList<>(List.of(new String("PFS"), new String("OS"))));
        assertSame(first, second);
        assertEquals(List.of("PFS", "OS"), first);
        assertNotSame(first, values.list(List.of("OS", "PFS")), "another order is another list");
        assertSame(values.of(new String("PFS")), values.list(List.of(new String("PFS"))).get(0));
        assertThrows(UnsupportedOperationException.class, () -> first.add("ORR"));

        Set<String> set = values.set(new LinkedHashSet<>(List.of("b", "a")));
        assertEquals(List.of("b", "a"), new ArrayList<>(set));
        assertSame(set, values.set(new LinkedHashSet<>(List.of("b", "a"))));
        assertNull(values.list(null));
        assertNull(values.set(null));
    }
}
