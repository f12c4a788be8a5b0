package org.trialevidence.readmodel;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a kept read model, written and read back: the service's records (by their components and canonical
 * constructor), lists, sets, strings, numbers and booleans. An object met again is written as a reference to its first
 * writing and read back as that same object, so the values the rows share (see the index package's SharedValues) stay
 * shared without sharing them again. Java serialization did the same at four times the cost: it looks up and checks
 * every object's class and reads each record's fields through a generic descriptor. Only records of the service's own
 * packages are made when read; anything else is refused.
 */
final class KeptValues {
    private static final String OWN_PACKAGES = "org.trialevidence.";
    private static final int NULL = 0;
    private static final int SEEN = 1;
    private static final int STRING = 2;
    private static final int LIST = 3;
    private static final int SET = 4;
    private static final int RECORD = 5;
    private static final int NEW_RECORD_CLASS = 6;
    private static final int DECIMAL = 7;
    private static final int INTEGER = 8;
    private static final int TRUE = 9;
    private static final int FALSE = 10;

    private KeptValues() {
    }

    /** How a record class is taken apart and made again. */
    private record RecordType(Class<?> type, Method[] accessors, Constructor<?> constructor) {
        static RecordType of(Class<?> type) throws IOException {
            if (!type.isRecord() || !type.getName().startsWith(OWN_PACKAGES)) {
                throw new IOException("not a record of the service: " + type.getName());
            }
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Class<?>[] parameters = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                parameters[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(parameters);
                constructor.setAccessible(true);
                return new RecordType(type, accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new IOException("no canonical constructor: " + type.getName(), e);
            }
        }
    }

    /** Writes values to a stream; objects are remembered by identity for the stream's length. */
    static final class Writer {
        private final DataOutputStream out;
        private final Map<Object, Integer> seen = new IdentityHashMap<>();
        private final Map<Class<?>, Integer> classes = new HashMap<>();
        private final Map<Class<?>, RecordType> types = new HashMap<>();

        Writer(OutputStream out) {
            this.out = new DataOutputStream(out);
        }

        void write(Object value) throws IOException {
            if (value == null) {
                out.writeByte(NULL);
                return;
            }
            if (value instanceof Boolean flag) {
                out.writeByte(flag ? TRUE : FALSE);
                return;
            }
            Integer first = seen.get(value);
            if (first != null) {
                out.writeByte(SEEN);
                writeCount(first);
                return;
            }
            if (value instanceof String text) {
                out.writeByte(STRING);
                writeText(text);
            } else if (value instanceof Integer number) {
                out.writeByte(INTEGER);
                out.writeInt(number);
            } else if (value instanceof BigDecimal decimal) {
                out.writeByte(DECIMAL);
                write(decimal.toString());
            } else if (value instanceof List<?> list) {
                out.writeByte(LIST);
                writeCount(list.size());
                for (Object element : list) {
                    write(element);
                }
            } else if (value instanceof Set<?> set) {
                out.writeByte(SET);
                writeCount(set.size());
                for (Object element : set) {
                    write(element);
                }
            } else if (value instanceof Record) {
                writeRecord(value);
            } else {
                throw new IOException("a kept model holds no " + value.getClass().getName());
            }
            // Numbered after its parts, as the reader numbers it once made.
            seen.put(value, seen.size());
        }

        private void writeRecord(Object value) throws IOException {
            Class<?> type = value.getClass();
            Integer number = classes.get(type);
            if (number == null) {
                out.writeByte(NEW_RECORD_CLASS);
                writeText(type.getName());
                classes.put(type, classes.size());
            } else {
                out.writeByte(RECORD);
                writeCount(number);
            }
            RecordType record = types.get(type);
            if (record == null) {
                record = RecordType.of(type);
                types.put(type, record);
            }
            for (Method accessor : record.accessors()) {
                try {
                    write(accessor.invoke(value));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IOException("cannot read " + accessor, e);
                }
            }
        }

        private void writeText(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            writeCount(bytes.length);
            out.write(bytes);
        }

        private void writeCount(int count) throws IOException {
            int rest = count;
            while ((rest & ~0x7F) != 0) {
                out.writeByte((rest & 0x7F) | 0x80);
                rest >>>= 7;
            }
            out.writeByte(rest);
        }

        void flush() throws IOException {
            out.flush();
        }
    }

    /**
     * Reads what a {@link Writer} wrote, in the same order, through a buffer of its own: most values are a byte or two,
     * and a DataInputStream over a BufferedInputStream takes a lock for every byte.
     */
    static final class Reader {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private final List<Object> seen = new ArrayList<>();
        private final List<RecordType> classes = new ArrayList<>();

        Reader(InputStream in) {
            this.in = in;
        }

        Object read() throws IOException {
            int tag = readByte();
            Object value;
            switch (tag) {
                case NULL:
                    return null;
                case TRUE:
                    return Boolean.TRUE;
                case FALSE:
                    return Boolean.FALSE;
                case SEEN:
                    return seen.get(readCount());
                case STRING:
                    value = readText();
                    break;
                case INTEGER:
                    value = readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
                    break;
                case DECIMAL:
                    value = new BigDecimal((String) read());
                    break;
                case LIST:
                    int size = readCount();
                    List<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(read());
                    }
                    value = Collections.unmodifiableList(list);
                    break;
                case SET:
                    int count = readCount();
                    Set<Object> set = new LinkedHashSet<>(count * 2);
                    for (int i = 0; i < count; i++) {
                        set.add(read());
                    }
                    value = Collections.unmodifiableSet(set);
                    break;
                case NEW_RECORD_CLASS:
                    value = readRecord(newRecordType(readText()));
                    break;
                case RECORD:
                    value = readRecord(classes.get(readCount()));
                    break;
                default:
                    throw new IOException("not a kept model: value tag " + tag);
            }
            seen.add(value);
            return value;
        }

        private RecordType newRecordType(String name) throws IOException {
            if (!name.startsWith(OWN_PACKAGES)) {
                throw new IOException("not a record of the service: " + name);
            }
            try {
                RecordType type = RecordType.of(Class.forName(name, false, KeptValues.class.getClassLoader()));
                classes.add(type);
                return type;
            } catch (ClassNotFoundException e) {
                throw new IOException("not a kept model of this build: " + name, e);
            }
        }

        private Object readRecord(RecordType type) throws IOException {
            Object[] components = new Object[type.accessors().length];
            for (int i = 0; i < components.length; i++) {
                components[i] = read();
            }
            try {
                return type.constructor().newInstance(components);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException | IllegalArgumentException e) {
                throw new IOException("cannot make " + type.type().getName(), e);
            }
        }

        private String readText() throws IOException {
            int length = readCount();
            if (limit - position >= length) {
                String text = new String(buffer, position, length, StandardCharsets.UTF_8);
                position += length;
                return text;
            }
            byte[] bytes = new byte[length];
            for (int at = 0; at < length; ) {
                if (position == limit) {
                    fill();
                }
                int taken = Math.min(length - at, limit - position);
                System.arraycopy(buffer, position, bytes, at, taken);
                position += taken;
                at += taken;
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private int readCount() throws IOException {
            int count = 0;
            for (int shift = 0; ; shift += 7) {
                int b = readByte();
                count |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return count;
                }
            }
        }

        private int readByte() throws IOException {
            if (position == limit) {
                fill();
            }
            return buffer[position++] & 0xFF;
        }

        private void fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                throw new EOFException("a kept model ends early");
            }
            position = 0;
            limit = read;
        }
    }
}
