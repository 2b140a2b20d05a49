package org.pingzhi.common.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.pingzhi.common.directory.Category;
import org.pingzhi.common.directory.CategoryDirectory;
import org.pingzhi.common.directory.Town;
import org.pingzhi.common.directory.TownDirectory;

/**
 * The Chinese title and message of a rule's alert: the place, the figure and the window, in local
 * (UTC+8) time. They never name a caller: a REPEAT_CALLER alert says "同一来电人", not the callerKey.
 */
final class RuleAlertTexts {

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.ofHours(8));
    private static final String PREFIX = "【平治】";
    private static final String CITY = "全市";

    private final Rule rule;
    private final RuleEpisode episode;
    private final TownDirectory towns;

    RuleAlertTexts(Rule rule, RuleEpisode episode, TownDirectory towns) {
        this.rule = rule;
        this.episode = episode;
        this.towns = towns;
    }

    String title() {
        return PREFIX
                + switch (rule.kind()) {
                    case HOTSPOT ->
                            place(((HotspotRule) rule).key())
                                    + " "
                                    + span(((HotspotRule) rule).window())
                                    + "内"
                                    + episode.count()
                                    + "起"
                                    + categoryName()
                                    + "事件";
                    case REPEAT_CALLER ->
                            "同一来电人"
                                    + span(((RepeatCallerRule) rule).window())
                                    + "内来电"
                                    + episode.count()
                                    + "次("
                                    + townName()
                                    + ")";
                    case SURGE -> place(((SurgeRule) rule).key()) + " " + categoryName() + "接报量激增";
                    case FEED_SILENCE -> silenceName((FeedSilenceRule) rule) + "数据中断";
                    case BREACH_RATE -> townName() + " 响应超时率过高";
                    case BACKLOG -> townName() + " 未办结事件积压";
                };
    }

    String message() {
        return switch (rule.kind()) {
            case HOTSPOT -> hotspot((HotspotRule) rule);
            case REPEAT_CALLER -> repeatCaller((RepeatCallerRule) rule);
            case SURGE -> surge((SurgeRule) rule);
            case FEED_SILENCE -> silence((FeedSilenceRule) rule);
            case BREACH_RATE -> breachRate((BreachRateRule) rule);
            case BACKLOG -> backlog((BacklogRule) rule);
        };
    }

    private String hotspot(HotspotRule hotspot) {
        return place(hotspot.key())
                + "自 "
                + time(episode.windowStart())
                + " 至 "
                + time(episode.windowEnd())
                + " 接报"
                + categoryName()
                + "事件 "
                + episode.count()
                + " 起,达到"
                + span(hotspot.window())
                + "内 "
                + hotspot.threshold()
                + " 起的阈值,请关注研判。";
    }

    private String repeatCaller(RepeatCallerRule repeat) {
        return "同一来电人自 "
                + time(episode.windowStart())
                + " 至 "
                + time(episode.windowEnd())
                + " 来电 "
                + episode.count()
                + " 次(达到"
                + span(repeat.window())
                + "内 "
                + repeat.threshold()
                + " 次的阈值),最近一次在"
                + townName()
                + ",请核实诉求是否已解决。";
    }

    private String surge(SurgeRule surge) {
        return place(surge.key())
                + "自 "
                + time(episode.windowStart())
                + " 至 "
                + time(episode.windowEnd())
                + " 接报"
                + categoryName()
                + "事件 "
                + episode.count()
                + " 起,每"
                + span(surge.window())
                + "接报量达到"
                + baselineName(surge.baseline())
                + "平均的 "
                + surge.factor().toPlainString()
                + " 倍以上,请关注。";
    }

    private String silence(FeedSilenceRule silence) {
        return silenceName(silence)
                + "自 "
                + time(episode.windowStart())
                + " 起超过"
                + span(silence.window())
                + "未收到数据,请检查上游链路。"
                + (episode.windowEnd() == null ? "" : "已于 " + time(episode.windowEnd()) + " 恢复。");
    }

    private String breachRate(BreachRateRule breach) {
        return townName()
                + "在 "
                + time(episode.windowStart())
                + " 至 "
                + time(episode.windowEnd())
                + " 有 "
                + episode.count()
                + " 起事件响应超时,每"
                + span(breach.window())
                + "超时占响应判定的 "
                + percent(breach.threshold())
                + "% 及以上(至少 "
                + breach.minDecided()
                + " 起判定),请督办。";
    }

    private String backlog(BacklogRule backlog) {
        return townName()
                + "自 "
                + time(episode.windowStart())
                + " 起未办结事件持续多于 "
                + backlog.threshold()
                + " 起已达"
                + span(backlog.duration())
                + ",最高 "
                + episode.count()
                + " 起,请调配处置力量。";
    }

    /**
     * The place a key names: the town (and village, grid) where the key fixes it, else the city.
     */
    private String place(List<KeyField> key) {
        StringBuilder place = new StringBuilder();
        if (key.contains(KeyField.TOWN_CODE)
                || key.contains(KeyField.VILLAGE)
                || key.contains(KeyField.GRID_CODE)) {
            place.append(townName());
        }
        int village = key.indexOf(KeyField.VILLAGE);
        if (village >= 0) {
            place.append(episode.group().get(village));
        }
        int grid = key.indexOf(KeyField.GRID_CODE);
        if (grid >= 0) {
            place.append("网格").append(episode.group().get(grid));
        }
        return place.isEmpty() ? CITY : place.toString();
    }

    private String silenceName(FeedSilenceRule silence) {
        String source = "110".equals(silence.source()) ? "110接警" : "12345热线";
        return silence.townCode() == null ? source : source + "(" + townName() + ")";
    }

    private String townName() {
        return towns.byCode(episode.townCode()).map(Town::name).orElse(CITY);
    }

    private String categoryName() {
        return CategoryDirectory.standard()
                .byCode(episode.category())
                .map(Category::name)
                .orElse("");
    }

    private static String baselineName(Baseline baseline) {
        return baseline instanceof Baseline.PreviousWindows
                ? "前 " + baseline.windows() + " 个窗口"
                : "前 " + baseline.windows() + " 天同时段";
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static String time(Long epochMillis) {
        return epochMillis == null ? "" : LOCAL_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A duration in the largest whole unit, one day as 24小时: 30分钟, 24小时, 7天. */
    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0 && seconds > 86_400) {
            return seconds / 86_400 + "天";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "小时";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "分钟";
        }
        return seconds + "秒";
    }
}
