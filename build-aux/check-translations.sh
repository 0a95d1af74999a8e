#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a translation is incomplete: a file with marked strings
# is missing from po/POTFILES.in, a marked string is missing from a
# catalogue, or a message is untranslated or fuzzy.
#
# Usage: check-translations.sh SOURCE_ROOT

set -euo pipefail

root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
status=0

# 1. Every source file with marked strings is listed.
grep -lE '\b(N?C?_|NC_|g_dngettext) ?\(|translatable="yes"' -r src --include='*.c' --include='*.ui' \
  | LC_ALL=C sort >"$tmp/marked"
grep -vE '^\s*(#|$)' po/POTFILES.in | LC_ALL=C sort >"$tmp/listed"
missing=$(LC_ALL=C comm -23 "$tmp/marked" "$tmp/listed")
if [[ -n "$missing" ]]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi

# 2. A fresh template from the sources, merged into each catalogue.
xgettext --from-code=UTF-8 --add-comments --directory="$root" --files-from=po/POTFILES.in \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --flag=g_dngettext:2:pass-c-format --output="$tmp/kompetenz.pot" 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"; exit 1; }

while read -r lang; do
  [[ -z "$lang" || "$lang" == \#* ]] && continue
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/$lang.po" "po/$lang.po" "$tmp/kompetenz.pot"
  stats=$(msgfmt --check --statistics --output-file=/dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  if [[ "$stats" == *untranslated* || "$stats" == *fuzzy* ]]; then
    echo "po/$lang.po is incomplete. Untranslated or fuzzy messages:"
    msgattrib --untranslated --only-fuzzy --no-obsolete "$tmp/$lang.po" 2>/dev/null | grep '^msgid' | head -n 20 || true
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid' | sed -n '2,21p'
    status=1
  fi
done <po/LINGUAS

exit $status
