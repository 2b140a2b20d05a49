package org.pingzhi.simulate;

/**
 * The simulator's fixed data, read once from the classpath: the contract's towns, and the
 * simulator's places, texts and units.
 */
record Vocabulary(Gazetteer gazetteer, Texts texts, Units units) {

    static Vocabulary load() {
        return new Vocabulary(Gazetteer.load(), Texts.load(), Units.load());
    }
}
