#!/bin/sh
# Runs the built BFF (dist/main.js, or $BFF_BUNDLE) the way production runs it; arguments are more node
# options (the bench adds its probe and CPU profiles). Measured at 100,000 devices, 1,000 sessions and
# 10,000 changes/s (docs/decisions.md, "The BFF runs with MALLOC_ARENA_MAX=2 ..."):
# - MALLOC_ARENA_MAX=2: glibc otherwise gives each thread (libuv pool, V8 workers, the history writer)
#   its own malloc arena, and freed native memory stays in them: RSS 561 MB -> 433-487 MB.
# - --heap-growing-percent=50: V8 lets the old generation reach 1.5x what survived the last full GC
#   instead of several times that, trading more full GCs for the heap's high-water mark: 357-366 MB.
# An operator's own MALLOC_ARENA_MAX wins.
here=$(cd "$(dirname "$0")/.." && pwd) || exit 1
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec node --enable-source-maps --heap-growing-percent=50 "$@" "${BFF_BUNDLE:-$here/dist/main.js}"
