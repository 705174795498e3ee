package org.communityscheduler.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The scaling chart is SVG any browser and GitHub can show. */
class SvgChartTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesWellFormedSvgWithOneLinePerSeries() throws Exception {
        String svg = new SvgChart("Time to <complete> & feasible", List.of("S\n40 sessions", "M", "L", "XL"),
                "seconds", true)
                .series("complete", Arrays.asList(0.4, 9.0, 52.0, null))
                .series("feasible", List.of(0.01, 0.1, 0.3, 1.0))
                .render();

        Document document = parse(svg);

        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(document.getElementsByTagNameNS("*", "path").getLength()).isEqualTo(2);
        assertThat(document.getElementsByTagNameNS("*", "circle").getLength()).as("no point for a missing value")
                .isEqualTo(7);
        assertThat(svg).contains("Time to &lt;complete&gt; &amp; feasible").contains("40 sessions")
                .contains("complete (not reached: XL)")
                .doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void putsSeveralChartsSideBySide() throws Exception {
        SvgChart left = new SvgChart("time", List.of("S", "M"), "s", false).series("a", List.of(1.0, 2.0));
        SvgChart right = new SvgChart("memory", List.of("S", "M"), "MB", false).series("b", List.of(10.0, 300.0));

        Document document = parse(SvgChart.row(List.of(left, right)));

        assertThat(document.getDocumentElement().getAttribute("width")).isEqualTo(Integer.toString(2 * SvgChart.WIDTH));
        assertThat(document.getElementsByTagNameNS("*", "g").getLength()).isEqualTo(2);
    }

    @Test
    void drawsAnEmptyChartWithoutFailing() throws Exception {
        String svg = new SvgChart("nothing yet", List.of("S"), "s", true).series("never", Arrays.asList((Double) null))
                .render();

        assertThat(parse(svg).getElementsByTagNameNS("*", "path").getLength()).isZero();
    }

    @Test
    void refusesASeriesThatDoesNotFitTheCategories() {
        assertThatThrownBy(() -> new SvgChart("t", List.of("S", "M"), "s", false).series("a", List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
