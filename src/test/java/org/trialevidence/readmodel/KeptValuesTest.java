package org.trialevidence.readmodel;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kept values read back equal to those written, shared where they were shared, and nothing but the service's records made. */
class KeptValuesTest {
    record Drug(String code, String drugClass) { }

    record Row(String id, List<String> codes, Set<String> subgroups, BigDecimal estimate, Boolean significant, boolean conflicting,
               int count, List<Drug> drugs, Object nothing) { }

    @Test
    void rowsComeBackEqualAndSharedAsWritten() throws IOException {
        List<String> sharedCodes = List.of("ESR1", "PIK3CA");
        Drug palbociclib = new Drug("palbociclib", "CDK4/6i");
        Set<String> subgroups = new LinkedHashSet<>(List.of("ESR1", "visceral", "AR"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new Row("r" + i, i % 2 == 0 ? sharedCodes : List.of("code" + i), subgroups, new BigDecimal(i % 3 == 0 ? "0.70" : "1.5E+3"),
                    i % 5 == 0 ? null : i % 2 == 0, i % 7 == 0, i * 1_000_003, List.of(palbociclib, new Drug("fulvestrant", null)), null));
        }
        rows.add(new Row("é ünïcode ✓ " + "x".repeat(70_000), List.of(), Set.of(), null, null, false, -1, List.of(), null));

        List<?> read = (List<?>) roundTrip(rows);

        assertEquals(rows, read);
        Row first = (Row) read.get(0);
        Row third = (Row) read.get(2);
        assertSame(first.codes(), third.codes(), "a list written once is read once and shared");
        assertSame(first.drugs().get(0), third.drugs().get(0), "a record written once is read once and shared");
        assertNotSame(first.drugs(), third.drugs(), "lists equal but not shared when written stay apart");
        assertEquals(List.of("ESR1", "visceral", "AR"), List.copyOf(first.subgroups()), "a set keeps its order");
        assertEquals("0.70", first.estimate().toPlainString(), "a number keeps its scale");
    }

    @Test
    void onlyTheServicesRecordsAreMade() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(6); // a record of a class named next, by the count of its UTF-8 bytes
        out.writeByte("java.lang.ProcessBuilder".length());
        out.writeBytes("java.lang.ProcessBuilder");
        IOException refused = assertThrows(IOException.class, () -> new KeptValues.Reader(new ByteArrayInputStream(bytes.toByteArray())).read());
        assertTrue(refused.getMessage().contains("java.lang.ProcessBuilder"), refused.getMessage());

        assertThrows(IOException.class, () -> roundTrip(List.of(new StringBuilder("not kept"))), "only records, lists, sets, strings and numbers are written");
        assertThrows(IOException.class, () -> new KeptValues.Reader(new ByteArrayInputStream(new byte[] {3, 2, 2, 1})).read(), "a file cut short");
    }

    private static Object roundTrip(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KeptValues.Writer writer = new KeptValues.Writer(bytes);
        writer.write(value);
        writer.flush();
        return new KeptValues.Reader(new ByteArrayInputStream(bytes.toByteArray())).read();
    }
}
