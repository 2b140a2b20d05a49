package org.pingzhi.jobs.lifecycle;

import static org.pingzhi.jobs.lifecycle.TestEvents.hotline;
import static org.pingzhi.jobs.lifecycle.TestEvents.police;
import static org.pingzhi.jobs.lifecycle.TestEvents.utc;

import java.util.List;
import org.pingzhi.common.model.Priority;
import org.pingzhi.common.model.UnifiedEvent;

/**
 * The valid records of the contract's samples (samples/police-110.jsonl and
 * samples/hotline-12345.jsonl), transcribed by hand into what the normalizer makes of them:
 * stations to towns, categories and levels/urgencies mapped, 12345 local times in UTC, personal
 * data masked or keyed. The six invalid sample records are dead letters and have no place here.
 */
final class SampleRecords {

    /** The latest event time of all valid sample records: J…0010 CLOSED. */
    static final long HORIZON = utc("03:25:00");

    private static final String A1 = "J330482202611280001";
    private static final String A2 = "J330482202611280002";
    private static final String A4 = "J330482202611280004";
    private static final String A5 = "J330482202611280005";
    private static final String A10 = "J330482202611280010";

    private SampleRecords() {}

    /** police-110.jsonl, valid lines in file order (statusTime is epoch milliseconds). */
    static List<UnifiedEvent> police110() {
        return List.of(
                police(A1, "RECEIVED", 1795831200000L)
                        .category("DISPUTE", "纠纷")
                        .priority(Priority.P2)
                        .town("当湖街道")
                        .location(30.6991, 121.0162)
                        .callerKey("hmac-of-13905731234")
                        .summary("三港路某小区邻里因停车发生争吵,报警人电话***********")
                        .build(),
                police(A1, "DISPATCHED", 1795831260000L).town("当湖街道").unit("当湖派出所巡逻一组").build(),
                police(A1, "ARRIVED", 1795831620000L).town("当湖街道").unit("当湖派出所巡逻一组").build(),
                police(A1, "ARRIVED", 1795831620000L).town("当湖街道").unit("当湖派出所巡逻一组").build(),
                police(A1, "FINISHED", 1795833060000L).town("当湖街道").build(),
                police(A2, "RECEIVED", 1795831320000L)
                        .category("PUBLIC_SECURITY", "治安案件")
                        .priority(Priority.P2)
                        .town("新仓镇")
                        .callerKey("hmac-of-057385561234")
                        .summary("电瓶车被盗")
                        .build(),
                police(A2, "DISPATCHED", 1795831380000L).town("新仓镇").build(),
                police(A2, "ARRIVED", 1795832130000L).town("新仓镇").build(),
                police(A4, "RECEIVED", 1795831800000L)
                        .category("PUBLIC_SERVICE", "群众求助")
                        .priority(Priority.P3)
                        .town("钟埭街道")
                        .summary("路灯损坏,夜间出行不便")
                        .build(),
                police(A4, "TRANSFERRED_12345", 1795831920000L).town("钟埭街道").build(),
                police(A5, "RECEIVED", 1795832400000L)
                        .category("OTHER", "其他")
                        .priority(Priority.P3)
                        .town("曹桥街道")
                        .build(),
                police(A5, "CANCELLED", 1795832580000L).town("曹桥街道").build(),
                police(A10, "RECEIVED", 1795834200000L)
                        .category("FIRE_SAFETY", "火灾")
                        .priority(Priority.P1)
                        .town("乍浦镇")
                        .location(30.6012, 121.0931)
                        .build(),
                police(A10, "DISPATCHED", 1795834260000L).town("乍浦镇").build(),
                police(A10, "ARRIVED", 1795835700000L).town("乍浦镇").build(),
                police(A10, "CLOSED", 1795836300000L).town("乍浦镇").build());
    }

    /** hotline-12345.jsonl, valid lines in file order (actionTime +08:00 written here in UTC). */
    static List<UnifiedEvent> hotline12345() {
        String unit101 = "新仓镇劳动关系一体化解纷站";
        String unit104 = "钟埭街道民声一键办服务队";
        String unit108 = "广陈镇民声一键办服务队";
        return List.of(
                hotline("PH2026112800101", "CREATE", utc("02:05:00"))
                        .seq(1)
                        .channel("PHONE")
                        .category("LABOUR", "劳动保障/工资福利/拖欠工资")
                        .priority(Priority.P2)
                        .town("新仓镇")
                        .village("新仓社区")
                        .grid("XC-03")
                        .callerKey("hmac-of-13757311111")
                        .summary("远景产业园某企业拖欠三个月工资,身份证******************")
                        .build(),
                hotline("PH2026112800101", "ASSIGN", utc("02:06:00"))
                        .seq(2)
                        .town("新仓镇")
                        .unit(unit101)
                        .build(),
                hotline("PH2026112800101", "SIGN", utc("02:07:00"))
                        .seq(3)
                        .town("新仓镇")
                        .unit(unit101)
                        .build(),
                hotline("PH2026112800101", "ARRIVE", utc("02:14:00"))
                        .seq(4)
                        .town("新仓镇")
                        .unit(unit101)
                        .build(),
                hotline("PH2026112800104", "CREATE", utc("02:13:00"))
                        .linkedTo(A4)
                        .seq(1)
                        .channel("TRANSFER_110")
                        .category("CITY_ENVIRONMENT", "城乡建设/市政设施/路灯")
                        .priority(Priority.P3)
                        .town("钟埭街道")
                        .build(),
                hotline("PH2026112800104", "ASSIGN", utc("02:14:00"))
                        .linkedTo(A4)
                        .seq(2)
                        .town("钟埭街道")
                        .unit(unit104)
                        .build(),
                hotline("PH2026112800104", "ARRIVE", utc("02:26:00"))
                        .linkedTo(A4)
                        .seq(3)
                        .town("钟埭街道")
                        .unit(unit104)
                        .build(),
                hotline("PH2026112800106", "CREATE", utc("02:30:00"))
                        .seq(1)
                        .channel("APP")
                        .category("PUBLIC_SERVICE", "社会保障/医保/报销咨询")
                        .priority(Priority.P3)
                        .town("林埭镇")
                        .build(),
                hotline("PH2026112800106", "REPLY", utc("02:36:00"))
                        .seq(2)
                        .town("林埭镇")
                        .unit("林埭镇社会事务办")
                        .build(),
                hotline("PH2026112800108", "ARRIVE", utc("02:45:00"))
                        .seq(3)
                        .town("广陈镇")
                        .unit(unit108)
                        .build(),
                hotline("PH2026112800108", "CREATE", utc("02:40:00"))
                        .seq(1)
                        .channel("WECHAT")
                        .category("FIRE_SAFETY", "公共安全/消防安全/电动车飞线充电")
                        .priority(Priority.P2)
                        .town("广陈镇")
                        .village("广陈村")
                        .build(),
                hotline("PH2026112800108", "ASSIGN", utc("02:41:00"))
                        .seq(2)
                        .town("广陈镇")
                        .unit(unit108)
                        .build(),
                hotline("PH2026112800112", "CREATE", utc("03:20:00"))
                        .seq(1)
                        .channel("PHONE")
                        .category("TRAFFIC", "交通运输/道路管理/占道施工")
                        .priority(Priority.P3)
                        .town("独山港镇")
                        .build());
    }
}
