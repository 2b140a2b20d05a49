package org.pingzhi.jobs.lifecycle;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * The Flink type of {@link IncidentChange} (or of one kind of change): without it a sealed
 * interface falls back to Kryo, which cannot copy the immutable lists inside the documents between
 * chained operators. Every kind shares {@link IncidentChangeSerializer}, which writes the kind with
 * it.
 */
public final class IncidentChangeTypeInfo<T extends IncidentChange> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final IncidentChangeTypeInfo<IncidentChange> INSTANCE =
            new IncidentChangeTypeInfo<>(IncidentChange.class);

    public static final IncidentChangeTypeInfo<IncidentChange.IncidentChanged> INCIDENTS =
            new IncidentChangeTypeInfo<>(IncidentChange.IncidentChanged.class);

    public static final IncidentChangeTypeInfo<IncidentChange.SlaEventChanged> SLA_EVENTS =
            new IncidentChangeTypeInfo<>(IncidentChange.SlaEventChanged.class);

    public static final IncidentChangeTypeInfo<IncidentChange.AlertChanged> ALERTS =
            new IncidentChangeTypeInfo<>(IncidentChange.AlertChanged.class);

    private final Class<T> type;

    private IncidentChangeTypeInfo(Class<T> type) {
        this.type = type;
    }

    /** Found by Flink's type extraction through {@code @TypeInfo} on {@link IncidentChange}. */
    public static final class Factory extends TypeInfoFactory<IncidentChange> {
        @Override
        public TypeInformation<IncidentChange> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    /** The one serializer: it only ever reads back the kind it wrote, so the cast holds. */
    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return (TypeSerializer<T>) (TypeSerializer<?>) IncidentChangeSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return type.getSimpleName();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncidentChangeTypeInfo<?> info && info.type == type;
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof IncidentChangeTypeInfo;
    }
}
