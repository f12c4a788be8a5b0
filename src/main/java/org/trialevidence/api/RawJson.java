package org.trialevidence.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * A value already serialized as JSON. The dataset is immutable between versions, so a record's JSON is written
 * once when the read model is built and pasted into every answer that contains it.
 */
@JsonSerialize(using = RawJson.Writer.class)
public record RawJson(String json) {

    /** The value written once by the mapper the API answers with. */
    public static RawJson of(ObjectMapper mapper, Object value) {
        try {
            return new RawJson(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    static final class Writer extends StdSerializer<RawJson> {
        Writer() {
            super(RawJson.class);
        }

        @Override
        public void serialize(RawJson value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeRawValue(value.json());
        }
    }
}
