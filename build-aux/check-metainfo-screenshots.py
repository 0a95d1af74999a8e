#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that every screenshot the AppStream metainfo lists is in
# data/screenshots/ as made by build-aux/screenshots.sh --metainfo: a PNG
# of the size the script renders, one per language, and that no file there
# is left unlisted (the README's image excepted when it is listed too).
#
# Usage: check-metainfo-screenshots.py METAINFO.xml.in SCREENSHOT_DIR

import os
import struct
import sys
import xml.etree.ElementTree as ET

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SIZES = {"narrow": (360, 740)}
WIDE = (1280, 800)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return struct.unpack(">II", head[16:24])


def main(metainfo, shot_dir):
    errors = []
    listed = set()
    root = ET.parse(metainfo).getroot()
    screenshots = root.findall("./screenshots/screenshot")
    if not screenshots:
        errors.append("the metainfo lists no screenshots")
    defaults = [s for s in screenshots if s.get("type") == "default"]
    if len(defaults) != 1:
        errors.append("exactly one screenshot must be the default")

    for shot in screenshots:
        images = shot.findall("image")
        langs = sorted(img.get(XML_LANG, "en") for img in images)
        if langs != ["de", "en"]:
            errors.append(f"screenshot needs an English and a German image, has {langs}")
        if not (shot.findtext("caption") or "").strip():
            errors.append("screenshot without caption")
        for img in images:
            name = os.path.basename(img.text.strip())
            lang = img.get(XML_LANG, "en")
            if not name.endswith(f"-{lang}.png"):
                errors.append(f"{name}: file name does not end in -{lang}.png")
            listed.add(name)
            path = os.path.join(shot_dir, name)
            if not os.path.isfile(path):
                errors.append(f"{name}: missing, run build-aux/screenshots.sh BUILDDIR --metainfo")
                continue
            try:
                size = png_size(path)
            except ValueError as e:
                errors.append(f"{name}: {e}")
                continue
            expected = SIZES.get(name.rsplit("-", 1)[0], WIDE)
            if size != expected:
                errors.append(f"{name}: {size[0]}x{size[1]}, the script renders {expected[0]}x{expected[1]}")

    for name in sorted(os.listdir(shot_dir)):
        if name.endswith(".png") and name not in listed:
            errors.append(f"{name}: in {os.path.basename(shot_dir)}/ but not in the metainfo")

    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(listed)} screenshots checked, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
