package org.pingzhi.simulate;

import java.util.ArrayList;
import java.util.List;

/** The content (12345) and summary (110) templates of texts.tsv, by kind of incident. */
final class Texts {

    static final String RESOURCE = "/simulate/texts.tsv";

    private final Weighted<Template> hotline;
    private final Weighted<Template> police;
    private final Weighted<Template> handover;

    private Texts(List<Template> hotline, List<Template> police, List<Template> handover) {
        this.hotline = Weighted.of(hotline, Template::weight);
        this.police = Weighted.of(police, Template::weight);
        this.handover = Weighted.of(handover, Template::weight);
    }

    static Texts load() {
        List<Template> hotline = new ArrayList<>();
        List<Template> police = new ArrayList<>();
        List<Template> handover = new ArrayList<>();
        for (String[] row : Tsv.rows(RESOURCE, 4)) {
            double weight = Double.parseDouble(row[2]);
            switch (row[0]) {
                case "12345" -> hotline.add(Template.parse(row[1], null, weight, row[3]));
                case "110" -> police.add(Template.parse(row[1], null, weight, row[3]));
                case "110>12345" -> {
                    String[] types = row[1].split(">", 2);
                    handover.add(Template.parse(types[0], types[1], weight, row[3]));
                }
                default -> throw new IllegalStateException(RESOURCE + ": unknown source " + row[0]);
            }
        }
        return new Texts(hotline, police, handover);
    }

    /** A 12345 order's category and content. */
    Template hotline(Dice dice) {
        return hotline.pick(dice);
    }

    /** A 110 alarm's type and summary. */
    Template police(Dice dice) {
        return police.pick(dice);
    }

    /** A non-police 110 alarm (非警务警情) and the 12345 category it is handed over as. */
    Template handover(Dice dice) {
        return handover.pick(dice);
    }

    List<Template> hotlineTemplates() {
        return hotline.items();
    }

    List<Template> policeTemplates() {
        return police.items();
    }

    List<Template> handoverTemplates() {
        return handover.items();
    }
}
