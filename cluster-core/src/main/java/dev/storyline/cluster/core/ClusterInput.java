package dev.storyline.cluster.core;

import java.time.LocalDate;

/**
 * What the clusterer sees of an article. {@code published} is the publication day when known (stories are close
 * in publication time, not arrival time); {@code arrival} orders articles that share a day.
 */
public record ClusterInput(String id, String title, String text, LocalDate published, long arrival) {
}
