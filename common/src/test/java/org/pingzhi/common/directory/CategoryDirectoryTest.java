package org.pingzhi.common.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryDirectoryTest {

    private final CategoryDirectory categories = CategoryDirectory.loadDefault();

    @ParameterizedTest(name = "12345 {0} -> {1}")
    @CsvSource({
        "公共安全/消防安全/电动车飞线充电, FIRE_SAFETY",
        "公共安全/消防安全, FIRE_SAFETY",
        "公共安全/治安/盗窃, PUBLIC_SECURITY",
        "公共安全, PUBLIC_SECURITY",
        "公共安全/, PUBLIC_SECURITY",
        "公共安全X/消防安全, OTHER",
        "公共安全/消防安全X, PUBLIC_SECURITY",
        "劳动保障/工资福利/拖欠工资, LABOUR",
        "城乡建设/市政设施/路灯, CITY_ENVIRONMENT",
        "社会保障/医保/报销咨询, PUBLIC_SERVICE",
        "消费维权/预付卡, DISPUTE",
        "反诈防骗, TELECOM_FRAUD",
        "其他/其他, OTHER",
        "/公共安全, OTHER",
        "'', OTHER",
    })
    void mapsA12345PathByItsLongestWholeSegmentPrefix(String path, String expected) {
        assertThat(categories.forHotlinePath(path).code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "110 {0} -> {1}")
    @CsvSource({
        "刑事案件, PUBLIC_SECURITY",
        "治安案件, PUBLIC_SECURITY",
        "电信诈骗, TELECOM_FRAUD",
        "交通事故, TRAFFIC",
        "火灾, FIRE_SAFETY",
        "纠纷, DISPUTE",
        "劳资纠纷, LABOUR",
        "群众求助, PUBLIC_SERVICE",
        "其他, OTHER",
        "火灾/山火, OTHER",
        "火, OTHER",
        "公共安全, OTHER",
    })
    void mapsA110AlarmTypeExactly(String alarmType, String expected) {
        assertThat(categories.forAlarmType(alarmType).code()).isEqualTo(expected);
    }

    @Test
    void givesTheChineseNameOfEachCategory() {
        assertThat(categories.forAlarmType("火灾")).isEqualTo(new Category("FIRE_SAFETY", "消防安全"));
        assertThat(categories.other()).isEqualTo(new Category("OTHER", "其他"));
        assertThat(categories.byCode("CITY_ENVIRONMENT")).map(Category::name).contains("城市管理与环境");
        assertThat(categories.byCode("NO_SUCH")).isEmpty();
    }

    @Test
    void mapsAMissingAlarmTypeToOther() {
        assertThat(categories.forAlarmType(null)).isEqualTo(categories.other());
    }

    @Test
    void refusesATableWithoutFallbackRow() {
        assertThatThrownBy(
                        () ->
                                CategoryDirectory.parse(
                                        "source\tsourceCategory\tcategory\tcategoryName\n"
                                                + "110\t火灾\tFIRE_SAFETY\t消防安全\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fallback");
    }
}
