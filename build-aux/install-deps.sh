#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what building, testing and running Kompetenz needs on Debian 12.
# Safe to run again and again: it only calls apt-get when a package is
# missing, and only generates the German locale when it is not there yet.

set -euo pipefail

# Debian 12 packages.  Add new build or test dependencies here.
PACKAGES="
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libsoup-3.0-dev libsqlite3-dev
  libjson-glib-dev libsecret-1-dev libsodium-dev libcsv-dev libical-dev
  meson ninja-build gcc pkg-config gettext itstool yelp-tools appstream
  desktop-file-utils xvfb xauth imagemagick xdotool locales dbus gnome-keyring
  libsecret-tools sqlite3 curl poppler-utils openssl python3
  python3-gi gir1.2-atspi-2.0 at-spi2-core
  libpq-dev postgresql-15 wrk
  clang-14 clang libclang-rt-14-dev valgrind
"

LOCALE=de_DE.UTF-8

as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-deps: need root or sudo to run: $*" >&2
    exit 1
  fi
}

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

install_packages() {
  local pkg
  local -a missing=()

  for pkg in $PACKAGES; do
    is_installed "$pkg" || missing+=("$pkg")
  done

  if [[ ${#missing[@]} -eq 0 ]]; then
    return 0
  fi

  echo "install-deps: installing ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
}

has_locale() {
  locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'
}

generate_locale() {
  if has_locale; then
    return 0
  fi

  echo "install-deps: generating the $LOCALE locale" >&2
  if grep -q "^# *$LOCALE UTF-8" /etc/locale.gen 2>/dev/null; then
    as_root sed -i "s/^# *$LOCALE UTF-8/$LOCALE UTF-8/" /etc/locale.gen
  elif ! grep -q "^$LOCALE UTF-8" /etc/locale.gen 2>/dev/null; then
    echo "$LOCALE UTF-8" | as_root tee -a /etc/locale.gen >/dev/null
  fi
  as_root locale-gen
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: not a Debian system; please install the equivalents of:" >&2
  echo "$PACKAGES" >&2
  exit 0
fi

install_packages
generate_locale
