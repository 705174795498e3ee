package org.communityscheduler.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TextCatalogueTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

    @Test
    void bothLanguagesHoldTheSameCodesWithTheSameArguments() throws IOException {
        Map<String, Set<Integer>> english = arguments(read("messages.properties"));
        Map<String, Set<Integer>> chinese = arguments(read("messages_zh.properties"));

        assertThat(chinese.keySet()).containsExactlyElementsOf(english.keySet());
        assertThat(chinese).isEqualTo(english);
    }

    @Test
    void everyPatternFormats() throws IOException {
        Properties catalogue = read("messages.properties");
        for (String code : catalogue.stringPropertyNames()) {
            Object[] args = new Object[10];
            java.util.Arrays.fill(args, "x");
            Matcher number = Pattern.compile("\\{(\\d+),(number|choice)").matcher(catalogue.getProperty(code));
            while (number.find()) {
                args[Integer.parseInt(number.group(1))] = 1440;
            }
            for (Language language : Language.values()) {
                assertThat(Text.of(code, args).in(language)).as(code + " in " + language).isNotBlank();
            }
        }
    }

    @Test
    void rendersInTheLanguageAsked() {
        Text text = Text.of("plan.unknownWorker", "wang");

        assertThat(text.in(Language.ZH)).isEqualTo("未知社工“wang”");
        assertThat(text).hasToString("unknown worker \"wang\"");
    }

    @Test
    void numbersAreWrittenWithoutGrouping() {
        assertThat(Text.of("plan.tooManySessions", 12000L, 5000).in(Language.EN))
                .startsWith("the plan asks for 12000 sessions; a plan holds at most 5000");
    }

    @Test
    void aTextInsideATextSpeaksTheSameLanguage() {
        Text reason = Text.of("plan.unplaceable.roomsNeverOpen");

        assertThat(Text.of("plan.neverPlaceable", "合唱团", reason).in(Language.ZH))
                .isEqualTo("“合唱团”无论如何都无法安排：它的活动室从不开放");
    }

    @Test
    void aCodeMissingFromTheCatalogueIsABug() {
        assertThatThrownBy(() -> Text.of("no.such.code").in(Language.EN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no.such.code");
    }

    @Test
    void picksTheLanguageFromATagOrAnAcceptLanguageHeader() {
        assertThat(Language.of("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Language.ZH);
        assertThat(Language.of("zh")).isEqualTo(Language.ZH);
        assertThat(Language.of("zh-Hans-CN")).isEqualTo(Language.ZH);
        assertThat(Language.of("en-US,zh;q=0.5")).isEqualTo(Language.EN);
        assertThat(Language.of("fr-FR,zh;q=0.5")).isEqualTo(Language.ZH);
        assertThat(Language.of("fr")).isEqualTo(Language.EN);
        assertThat(Language.of("")).isEqualTo(Language.EN);
        assertThat(Language.of(null)).isEqualTo(Language.EN);
        assertThat(Language.of(";;;q=x")).isEqualTo(Language.EN);
    }

    private static Properties read(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Text.class.getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static Map<String, Set<Integer>> arguments(Properties catalogue) {
        Map<String, Set<Integer>> arguments = new TreeMap<>();
        for (String code : catalogue.stringPropertyNames()) {
            Set<Integer> indexes = new TreeSet<>();
            Matcher matcher = ARGUMENT.matcher(catalogue.getProperty(code));
            while (matcher.find()) {
                indexes.add(Integer.parseInt(matcher.group(1)));
            }
            arguments.put(code, indexes);
        }
        return arguments;
    }
}
