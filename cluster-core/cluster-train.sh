#!/usr/bin/env bash
# Fits the story model (src/main/resources/cluster/story-model.properties) on labelled JSONL files in the
# clustering-dev format, and prints how the clusterer then scores on each for a range of join thresholds.
#   cluster-core/cluster-train.sh [--holdout [--split n] [--train-half 1]] [--without feature,...] \
#       [--out story-model.properties] a.jsonl b.jsonl ...
# --holdout fits on half of the stories and scores the other half; --train-half 1 swaps the two halves;
# --split n (1, 2, ...) halves the stories another way.
exec "$(dirname "$0")/run-core.sh" dev.storyline.cluster.offline.ModelTrainer "$@"
