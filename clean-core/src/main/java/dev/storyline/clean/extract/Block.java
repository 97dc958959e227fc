package dev.storyline.clean.extract;

/** One paragraph-sized piece of text in document order, with what its markup said about it. */
record Block(String text, boolean heading, double linkDensity) {

    static Block of(String text) {
        return new Block(text, false, 0);
    }
}
