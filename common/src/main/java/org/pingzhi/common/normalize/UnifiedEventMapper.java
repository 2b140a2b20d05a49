package org.pingzhi.common.normalize;

import java.io.Serializable;
import org.pingzhi.common.directory.Category;
import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.Source;
import org.pingzhi.common.model.UnifiedEvent;
import org.pingzhi.common.privacy.CallerKeyHasher;
import org.pingzhi.common.privacy.PiiMasker;

/**
 * Maps a checked raw record to the unified event. Personal data stops here: the phone becomes the
 * caller key, the free text is masked (the record's own caller name too), the name is dropped.
 */
final class UnifiedEventMapper implements Serializable {

    private static final long serialVersionUID = 1L;

    private final CategoryDirectory categories;
    private final CallerKeyHasher callerKeys;

    UnifiedEventMapper(CategoryDirectory categories, CallerKeyHasher callerKeys) {
        this.categories = categories;
        this.callerKeys = callerKeys;
    }

    UnifiedEvent toEvent(HotlineRecord record) {
        String linkedAlarmId = record.linkedAlarmId();
        String incidentId =
                linkedAlarmId != null
                        ? Source.POLICE_110.incidentId(linkedAlarmId)
                        : Source.HOTLINE_12345.incidentId(record.orderId());
        Category category =
                record.category() == null ? null : categories.forHotlinePath(record.category());
        return new UnifiedEvent(
                incidentId,
                Source.HOTLINE_12345,
                record.action().status(),
                record.action().name(),
                record.actionTime(),
                linkedAlarmId,
                record.orderId(),
                codeOf(category),
                record.category(),
                record.urgency() == null ? null : record.urgency().priority(),
                record.town().code(),
                record.town().name(),
                record.village(),
                record.gridCode(),
                record.lat(),
                record.lon(),
                callerKeys.keyOf(record.personal().phone()),
                maskedText(record.personal()),
                record.unit(),
                record.channel() == null ? null : record.channel().name(),
                record.seq());
    }

    UnifiedEvent toEvent(PoliceRecord record) {
        Category category =
                record.alarmType() == null ? null : categories.forAlarmType(record.alarmType());
        return new UnifiedEvent(
                Source.POLICE_110.incidentId(record.alarmId()),
                Source.POLICE_110,
                record.status().status(),
                record.status().name(),
                record.statusTime(),
                record.alarmId(),
                null,
                codeOf(category),
                record.alarmType(),
                priorityOfLevel(record.level()),
                record.town().code(),
                record.town().name(),
                null,
                null,
                record.lat(),
                record.lon(),
                callerKeys.keyOf(record.personal().phone()),
                maskedText(record.personal()),
                record.officer(),
                null,
                null);
    }

    /** 110 {@code level} 1/2/3 gives P1/P2/P3. */
    private static Priority priorityOfLevel(Integer level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case 1 -> Priority.P1;
            case 2 -> Priority.P2;
            case 3 -> Priority.P3;
            default -> null;
        };
    }

    private static String codeOf(Category category) {
        return category == null ? null : category.code();
    }

    private static String maskedText(PersonalData personal) {
        return PiiMasker.mask(personal.freeText(), personal.personalValues());
    }
}
