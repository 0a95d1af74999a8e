#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the main pages of Kompetenz on a generated demo portfolio,
# wide (1280x800) and narrow (360x740), in English and German, into
# BUILDDIR/screenshots/.  Never touches the user's data: portfolio,
# settings and caches live in a temporary folder.
#
# Usage: build-aux/screenshots.sh [BUILDDIR] [--metainfo]   (default: _build)
# With --metainfo, also copies the shots that the AppStream metainfo and
# the README show into data/screenshots/ (English and German, see
# METAINFO_SHOTS below); data/meson.build's test checks that they match.
# Needs xvfb-run, xdotool and ImageMagick's import.

set -euo pipefail

builddir=$(realpath "${1:-_build}")
metainfo=${2:-}
srcdir=$(realpath "$(dirname "${BASH_SOURCE[0]}")/..")

# data/screenshots/NAME-LANG.png  <-  BUILDDIR/screenshots/LANG-SHOT.png
METAINFO_SHOTS=(overview:wide-overview projects:wide-projects-chips
                record:wide-record search:wide-global-search
                narrow:narrow-record)
app="$builddir/src/gui/kompetenz"
out="$builddir/screenshots"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

[[ -x "$app" ]] || { echo "no $app: build first" >&2; exit 1; }
for tool in xvfb-run xdotool import; do
  command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
mkdir -p "$out"

"$app" --generate-demo 200 --database "$tmp/portfolio.db" >/dev/null

# The part that runs inside the X server: one app per language and size.
cat >"$tmp/shoot.sh" <<'INNER'
set -euo pipefail
app=$1 db=$2 out=$3 lang=$4 width=$5 height=$6 tag=$7
export HOME=$TMPDIR_SHOTS/home-$tag XDG_CONFIG_HOME=$TMPDIR_SHOTS/config-$tag
mkdir -p "$HOME"
"$app" --database "$db" >"$TMPDIR_SHOTS/app-$tag.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

win=""
for _ in $(seq 100); do
  win=$(xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1) && [[ -n "$win" ]] && break
  sleep 0.2
done
[[ -n "$win" ]] || { echo "no window for $tag" >&2; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" "$width" "$height"
sleep 1.5

shot() {
  sleep "${2:-1}"
  import -window root -crop "${width}x${height}+0+0" +repage "$out/$tag-$1.png"
}
key() { xdotool windowactivate --sync "$win" 2>/dev/null || true; xdotool key --clearmodifiers "$@"; }

pages=(overview projects organisations firms partnerships trainings funding visits field due)
for i in "${!pages[@]}"; do
  key "alt+$(((i + 1) % 10))"
  shot "${pages[$i]}"
done

# The project list searched and filtered
key alt+2
key ctrl+f
sleep 0.3
xdotool type --delay 60 "digital"
shot projects-search 1.5
key Escape

# A record page: the first project found
key alt+2
sleep 0.5
key ctrl+f
sleep 0.3
xdotool type --delay 60 "digital"
sleep 1
if (( width >= 1000 )); then x=400; else x=100; fi
xdotool mousemove "$x" 142 click --repeat 2 --delay 80 1
shot record 1.5
key Escape alt+Left

# Global search
key ctrl+k
sleep 0.5
xdotool type --delay 80 "lueneb"
shot global-search 2
key Escape

# The filter popover with one status ticked, then its chip
key alt+2
key ctrl+f
sleep 0.3
key Tab
sleep 0.2
key Return
sleep 0.8
# "Running" in the popover, where it opens at this size
if (( width >= 1000 )); then x=774; else x=22; fi
xdotool mousemove "$x" 244 click 1
shot projects-filter 1
key Escape
shot projects-chips 1

# Saved as a view, listed in the sidebar under "Views"
key ctrl+f
sleep 0.3
key Tab Return
sleep 0.8
if (( width >= 1000 )); then x=938; else x=180; fi
xdotool mousemove "$x" 562 click 1
sleep 0.5
xdotool type --delay 60 "Running projects"
key Return
sleep 0.5
if (( width < 1000 )); then key alt+Left; fi
shot views 1
INNER

for lang in en de; do
  case $lang in
    en) env_lang=(LANG=C.UTF-8 LANGUAGE=en) ;;
    de) env_lang=(LANG=de_DE.UTF-8 LANGUAGE=de) ;;
  esac
  for size in wide:1280:800 narrow:360:740; do
    IFS=: read -r name width height <<<"$size"
    tag="$lang-$name"
    echo "# $tag"
    env "${env_lang[@]}" TMPDIR_SHOTS="$tmp" GSK_RENDERER=cairo \
      GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" \
      KOMPETENZ_LOCALEDIR="$builddir/po" \
      xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
      dbus-run-session -- bash "$tmp/shoot.sh" "$app" "$tmp/portfolio.db" "$out" "$lang" "$width" "$height" "$tag"
  done
done

echo "Screenshots in $out"

if [[ "$metainfo" == --metainfo ]]; then
  for lang in en de; do
    for pair in "${METAINFO_SHOTS[@]}"; do
      IFS=: read -r name shot <<<"$pair"
      cp "$out/$lang-$shot.png" "$srcdir/data/screenshots/$name-$lang.png"
    done
  done
  echo "Metainfo screenshots in $srcdir/data/screenshots"
fi
