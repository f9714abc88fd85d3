#!/bin/sh
# Copies every file under fixtures/ and seeds/ into fuzz/corpus/<target>/ (the corpus is not
# committed). Usage: fuzz/seed.sh [target...]   (default: pipeline_text pipeline_html date)
set -eu
cd "$(dirname "$0")"
targets=${*:-pipeline_text pipeline_html date}
for t in $targets; do
    mkdir -p "corpus/$t"
    find ../fixtures ../seeds -type f | while read -r f; do
        # flatten the path into one file name: fixtures/html/01_x.html -> fixtures_html_01_x.html
        cp "$f" "corpus/$t/$(echo "${f#../}" | tr / _)"
    done
done
