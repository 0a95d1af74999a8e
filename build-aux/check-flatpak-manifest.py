#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Kompetenz authors
#
# Checks the Flatpak manifest without downloading the runtime: the app id and
# command, the runtime and SDK, a tight sandbox, pinned sources, and a last
# module that builds Kompetenz itself with meson and without the sync server.
#
# Usage: check-flatpak-manifest.py MANIFEST [APP_ID]
# Prints one line per problem and exits 1 if there is any, 0 otherwise.

import json
import re
import sys

REQUIRED_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]

# Host file system access the app does not need: it keeps its portfolio in
# its own data folder and uses portals for files the user picks.
FORBIDDEN_FILESYSTEMS = re.compile(
    r'^--filesystem=(home|host|host-os|host-etc|/|~|xdg-[a-z-]+)(/.*)?(:(ro|rw|create))?$')

SHA256 = re.compile(r'^[0-9a-f]{64}$')
COMMIT = re.compile(r'^[0-9a-f]{40}$')


def check(manifest, app_id):
    problems = []

    def problem(message):
        problems.append(message)

    if not isinstance(manifest, dict):
        return ['the manifest is not a JSON object']

    found_id = manifest.get('id', manifest.get('app-id'))
    if found_id != app_id:
        problem(f'id is {found_id!r}, expected {app_id!r}')
    if manifest.get('command') != 'kompetenz':
        problem(f"command is {manifest.get('command')!r}, expected 'kompetenz'")
    if manifest.get('runtime') != 'org.gnome.Platform':
        problem(f"runtime is {manifest.get('runtime')!r}, expected 'org.gnome.Platform'")
    version = manifest.get('runtime-version')
    if not isinstance(version, str) or not version.strip():
        problem('runtime-version is missing')
    if manifest.get('sdk') != 'org.gnome.Sdk':
        problem(f"sdk is {manifest.get('sdk')!r}, expected 'org.gnome.Sdk'")

    args = manifest.get('finish-args', [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        problem('finish-args is not a list of strings')
        args = []
    for arg in REQUIRED_ARGS:
        if arg not in args:
            problem(f'finish-args lacks {arg}')
    for arg in args:
        if FORBIDDEN_FILESYSTEMS.match(arg):
            problem(f'finish-args grants broad file system access: {arg}')
        if arg == '--socket=x11':
            problem('finish-args uses --socket=x11; use --socket=fallback-x11')
        if arg in ('--socket=session-bus', '--socket=system-bus'):
            problem(f'finish-args grants the whole bus: {arg}')
        if re.match(r'^--(talk|own|system-talk|system-own)-name=.*\*$', arg) and \
                not arg.startswith(f'--own-name={app_id}.'):
            problem(f'finish-args uses a bus name wildcard: {arg}')

    modules = manifest.get('modules')
    if not isinstance(modules, list) or not modules:
        problem('modules is missing or empty')
        return problems

    for index, module in enumerate(modules):
        if not isinstance(module, dict):
            problem(f'module {index} is not an object (modules must be inline)')
            continue
        name = module.get('name') or f'#{index}'
        if not module.get('name'):
            problem(f'module {index} has no name')
        if not module.get('buildsystem'):
            problem(f'module {name} has no buildsystem')
        sources = module.get('sources')
        if not isinstance(sources, list) or not sources:
            problem(f'module {name} has no sources')
            continue
        for source in sources:
            if not isinstance(source, dict):
                problem(f'module {name} has a source that is not an object')
                continue
            kind = source.get('type')
            if kind in ('archive', 'file') and 'url' in source:
                if not SHA256.match(str(source.get('sha256', ''))):
                    problem(f"module {name}: {source.get('url')} has no sha256")
            elif kind == 'git':
                if not COMMIT.match(str(source.get('commit', ''))):
                    problem(f"module {name}: git source {source.get('url')} is not pinned to a commit")
                if 'branch' in source:
                    problem(f'module {name}: git source follows a branch')
            elif kind not in ('archive', 'file', 'dir', 'patch', 'script', 'shell'):
                problem(f'module {name}: unexpected source type {kind!r}')

    last = modules[-1]
    if isinstance(last, dict):
        if last.get('name') != 'kompetenz':
            problem(f"the last module is {last.get('name')!r}, expected 'kompetenz'")
        if last.get('buildsystem') != 'meson':
            problem('the kompetenz module is not built with meson')
        if not any(isinstance(s, dict) and s.get('type') == 'dir'
                   for s in last.get('sources') or []):
            problem('the kompetenz module has no dir source')
        if '-Dserver=false' not in (last.get('config-opts') or []):
            problem('the kompetenz module does not pass -Dserver=false: '
                    'the sync server does not belong in the desktop app')

    return problems


def main():
    if len(sys.argv) not in (2, 3):
        print(f'usage: {sys.argv[0]} MANIFEST [APP_ID]', file=sys.stderr)
        return 2
    path = sys.argv[1]
    app_id = sys.argv[2] if len(sys.argv) == 3 else 'com.example.Kompetenz'
    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f'{path}: {e}')
        return 1

    problems = check(manifest, app_id)
    for p in problems:
        print(f'{path}: {p}')
    if not problems:
        print(f'{path}: ok')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
