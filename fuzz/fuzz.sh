#!/usr/bin/env bash
# Real fuzzing with Jazzer: one target for a while, coverage-guided over all telejobs code.
#   fuzz/fuzz.sh                       lists the targets
#   fuzz/fuzz.sh SalaryFuzzTest#readsAnyTextAndWritesBackWhatItRead 10m
# Found inputs that fail land in fuzz/src/test/resources/io/telejobs/fuzz/<Class>Inputs/<method>/ and then
# run in every build (regression mode). The growing corpus is kept in fuzz/.cifuzz-corpus (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  grep -h -B1 "void .*(FuzzedDataProvider" fuzz/src/test/java/io/telejobs/fuzz/*.java | grep void \
    | sed 's/ *void \([A-Za-z]*\).*/\1/' | while read -r m; do
      c=$(grep -l "void $m(" fuzz/src/test/java/io/telejobs/fuzz/*.java | xargs -n1 basename | sed 's/.java//')
      echo "$c#$m"
    done
  exit 0
fi
target="$1"
duration="${2:-5m}"
JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" JAZZER_INSTRUMENTATION_INCLUDES='io.telejobs.**' \
  ./mvnw -q -pl fuzz -am test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false
