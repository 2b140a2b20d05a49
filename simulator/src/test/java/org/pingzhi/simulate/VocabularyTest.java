package org.pingzhi.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.model.Source;

/** The simulator's word lists fit the contract's towns and categories. */
class VocabularyTest {

    private static final Vocabulary VOCABULARY = Vocabulary.load();

    @Test
    void everyTownOfTheContractHasVillagesRoadsAndAGridPrefix() {
        List<Locality> localities = VOCABULARY.gazetteer().localities();

        assertThat(localities)
                .extracting(locality -> locality.town().name())
                .containsExactlyInAnyOrderElementsOf(new ContractValidator().towns());
        assertThat(localities)
                .allSatisfy(
                        locality -> {
                            assertThat(locality.villages()).hasSizeGreaterThanOrEqualTo(5);
                            assertThat(locality.roads()).hasSizeGreaterThanOrEqualTo(3);
                            assertThat(locality.gridPrefix()).matches("[A-Z]{2,3}");
                        });
    }

    @Test
    void everyTemplateRendersWithoutPlaceholdersLeft() {
        People people = new People(1);
        Dice dice = new Dice(1);
        Texts texts = VOCABULARY.texts();
        for (Template template :
                Stream.of(
                                texts.hotlineTemplates(),
                                texts.policeTemplates(),
                                texts.handoverTemplates())
                        .flatMap(List::stream)
                        .toList()) {
            Scene scene = Scene.draw(VOCABULARY.gazetteer(), people, dice);

            assertThat(scene.describe(template, people, dice))
                    .doesNotContain("{", "}")
                    .isNotBlank();
        }
    }

    @Test
    void everyHotlineCategoryMapsToAUnifiedCategoryExceptTheDeliberatelyUnmappedOne() {
        Map<String, String> prefixes = categories("12345");
        Texts texts = VOCABULARY.texts();
        Stream<String> paths =
                Stream.concat(
                        texts.hotlineTemplates().stream().map(Template::category),
                        texts.handoverTemplates().stream().map(Template::handoverCategory));

        assertThat(paths)
                .allSatisfy(
                        path -> {
                            String unified = mapByLongestPrefix(prefixes, path);
                            if (path.startsWith("咨询建议/")) {
                                assertThat(unified).as(path).isEqualTo("OTHER");
                            } else {
                                assertThat(unified).as(path).isNotEqualTo("OTHER");
                            }
                        });
    }

    @Test
    void everyAlarmTypeOfTheContractIsUsedAndNoOther() {
        Set<String> contractTypes = new HashSet<>(categories("110").keySet());
        Texts texts = VOCABULARY.texts();
        Set<String> used =
                Stream.concat(texts.policeTemplates().stream(), texts.handoverTemplates().stream())
                        .map(Template::category)
                        .collect(Collectors.toSet());

        assertThat(used).isEqualTo(contractTypes);
    }

    @Test
    void handlersAreFoundByTheLongestCategoryPrefix() {
        Town town = VOCABULARY.gazetteer().localities().get(0).town();
        Dice dice = new Dice(1);

        assertThat(VOCABULARY.units().handler(Source.HOTLINE_12345, "水电气暖/供水/停水", town, dice))
                .isEqualTo("平湖市自来水有限公司");
        assertThat(VOCABULARY.units().handler(Source.HOTLINE_12345, "劳动保障/工资福利/拖欠工资", town, dice))
                .isEqualTo(town.name() + "劳动关系一体化解纷站");
        assertThat(VOCABULARY.units().handler(Source.HOTLINE_12345, "咨询建议/政策咨询/落户政策", town, dice))
                .isEqualTo(town.name() + "民声一键办服务队");
        assertThat(VOCABULARY.units().handler(Source.POLICE_110, "交通事故", town, dice))
                .isEqualTo("平湖市公安局交警大队" + town.shortName() + "中队");
        assertThat(VOCABULARY.units().handler(Source.POLICE_110, "纠纷", town, dice))
                .startsWith(town.station());
    }

    @Test
    void idNumbersCarryAValidCheckCharacter() {
        People people = new People(1);
        Dice dice = new Dice(5);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        for (int i = 0; i < 200; i++) {
            String id = people.idNumber(dice);
            assertThat(id)
                    .matches(
                            "330482(19[5-9]\\d|200[0-5])(0[1-9]|1[0-2])(0[1-9]|1\\d|2[0-8])\\d{3}[0-9X]");
            int sum = 0;
            for (int digit = 0; digit < 17; digit++) {
                sum += (id.charAt(digit) - '0') * weights[digit];
            }
            assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
        }
    }

    @Test
    void phonesLookLikeChineseMobilesAndPinghuLandlines() {
        People people = new People(1);
        Dice dice = new Dice(5);
        for (int i = 0; i < 200; i++) {
            assertThat(people.mobile(dice)).matches("1[3-9]\\d{9}");
            assertThat(people.landline(dice)).matches("0573-85\\d{6}");
        }
    }

    /** One source's rows of categories.tsv: source category to unified category. */
    private static Map<String, String> categories(String source) {
        Map<String, String> mapping = new HashMap<>();
        for (String[] row : ContractValidator.contractTable("/contracts/categories.tsv")) {
            if (row[0].equals(source)) {
                mapping.put(row[1], row[2]);
            }
        }
        return mapping;
    }

    /** categories.tsv's rule for 12345: the longest matching prefix wins. */
    private static String mapByLongestPrefix(Map<String, String> prefixes, String path) {
        for (String prefix = path;
                !prefix.isEmpty();
                prefix = prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "") {
            if (prefixes.containsKey(prefix)) {
                return prefixes.get(prefix);
            }
        }
        return "OTHER";
    }
}
