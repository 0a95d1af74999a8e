#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Kompetenz authors
#
# Checks each translation of the user guide listed in help/LINGUAS: the
# catalogue compiles, nothing is untranslated or fuzzy, and the translated
# pages (built with itstool, as the installed ones are) are valid Mallard.
#
# Usage: check-help-translations.sh HELP_SOURCE_DIR

set -eu

help_dir=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

# The template of the English pages: every message must be in each
# translation, so that a changed page fails until it is translated.
itstool -o "$work/help.pot" "$help_dir"/C/*.page "$help_dir"/C/legal.xml

for lang in $(grep -v '^#' "$help_dir/LINGUAS"); do
  po="$help_dir/$lang/$lang.po"
  msgcmp "$po" "$work/help.pot" || { echo "$po: messages of help/C are missing"; status=1; }
  stats=$(msgfmt --check --statistics -o "$work/$lang.mo" "$po" 2>&1) || {
    echo "$po: $stats"; status=1; continue; }
  echo "$po: $stats"
  case $stats in
    *untranslated*|*fuzzy*) echo "$po: not completely translated"; status=1 ;;
  esac
  mkdir -p "$work/$lang"
  itstool -m "$work/$lang.mo" -o "$work/$lang/" "$help_dir"/C/*.page "$help_dir"/C/legal.xml
  yelp-check validate "$work/$lang" || status=1
done

exit $status
