package dev.storyline.cluster.core;

/** The clusterer the service and the offline mode use, with the settings in {@code cluster/clustering.properties}. */
public final class Clusterers {

    private Clusterers() {
    }

    public static StoryClusterer standard() {
        return standard(Settings.defaults());
    }

    public static StoryClusterer standard(Settings settings) {
        return new StoryIndex(settings);
    }

}
