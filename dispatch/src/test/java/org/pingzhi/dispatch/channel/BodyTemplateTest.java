package org.pingzhi.dispatch.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingzhi.common.json.Json;

class BodyTemplateTest {

    @Test
    void insertsValuesJsonEscaped() throws Exception {
        BodyTemplate template =
                BodyTemplate.parse(
                        "{\"text\":\"${title}\",\"id\":\"${alertId}\",\"src\":\"pingzhi\"}");

        String body = template.render(Map.of("title", "引号\" 与\n换行", "alertId", "a:1"));

        JsonNode json = Json.mapper().readTree(body);
        assertThat(json.get("text").textValue()).isEqualTo("引号\" 与\n换行");
        assertThat(json.get("id").textValue()).isEqualTo("a:1");
        assertThat(json.size()).isEqualTo(3);
    }

    @Test
    void refusesUnknownPlaceholdersAndPlaceholdersOutsideStrings() {
        assertThatThrownBy(() -> BodyTemplate.parse("{\"t\":\"${callerPhone}\"}"))
                .hasMessageContaining("unknown placeholder(s) ${callerPhone}");
        assertThatThrownBy(() -> BodyTemplate.parse("{\"count\":${count}}"))
                .hasMessageContaining("not JSON once filled in");
        assertThatThrownBy(() -> BodyTemplate.parse("[\"${title}\"]"))
                .hasMessageContaining("not a JSON object");
    }
}
