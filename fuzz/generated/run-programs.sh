#!/bin/bash
# Runs generated programs through gradbook exec --timeout 2; records crashes (status >= 128
# or 124) and counts.
G=/work/wt-robust/.build/debug/gradbook
ran=0; bad=0
: > results.txt
for f in progs/p*.py; do
  [ -e stop ] && break
  timeout 30 $G exec --timeout 2 "$f" > /dev/null 2> err.txt; rc=$?
  ran=$((ran+1))
  if [ $rc -ge 124 ] || grep -q "crashed\|Fatal error" err.txt; then bad=$((bad+1)); echo "$f rc=$rc $(tail -1 err.txt | cut -c1-200)" >> results.txt; fi
  echo "$ran $bad" > count.txt
done
