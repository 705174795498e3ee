package org.communityscheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.communityscheduler.text.Language;
import org.junit.jupiter.api.Test;

class RuleTest {

    @Test
    void aRulesDisplayNameIsFromTheCatalogueAndAnyOtherNameAsWritten() {
        assertThat(Rule.displayNameOf("Room clash").in(Language.ZH)).isEqualTo("活动室冲突");
        assertThat(Rule.displayNameOf("Room clash").in(Language.EN)).isEqualTo("Room clash");
        assertThat(Rule.displayNameOf("Quiet Sundays").in(Language.ZH)).isEqualTo("Quiet Sundays");
    }
}
