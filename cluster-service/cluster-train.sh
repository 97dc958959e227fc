#!/usr/bin/env bash
# The documented entry point; the clustering core lives in cluster-core (see cluster-core/cluster-train.sh).
exec "$(dirname "$0")/../cluster-core/cluster-train.sh" "$@"
