#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Accessibility audit of the running app through AT-SPI, the way a screen
# reader sees it: every page of the sidebar and a new record of each kind
# are opened, and every control (buttons, toggles, entries, drop-downs,
# switches, rows) must have a role and a name of its own -- not empty and
# not a widget class name, which is what GTK reports when a control has no
# label.  Run on an X display (Xvfb) with a private D-Bus session.
#
# Usage: a11y-audit.py APP

import os
import re
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box",
    "text", "entry", "password text", "spin button", "slider", "link",
    "menu item", "switch", "list item",
}
# GTK names an unlabelled widget after its class.
CLASS_NAME = re.compile(r"^(Gtk|Adw|Kz)[A-Z]\w*$")
NEW_RECORDS = {"projects": "New Project", "organisations": "New Organisation",
               "firms": "New Firm", "partnerships": "New Partnership",
               "trainings": "New Training", "funding": "New Funding Programme",
               "visits": "New Site Visit"}
PAGES = ["overview", "projects", "organisations", "firms", "partnerships",
         "trainings", "funding", "visits", "field", "due", "trash"]


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    # libatspi keeps the desktop's children from the registry's events;
    # one that came before this process listened would never show up.
    desktop.clear_cache()
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid and app.get_child_count() > 0:
            return app
    return None


def walk(node, path=(), inside_combo=False, prune=frozenset()):
    """Yields (node, role, name, path, inside_combo) for every descendant,
    leaving out subtrees whose name is in @prune."""
    try:
        role = node.get_role_name()
        name = node.get_name() or ""
        count = node.get_child_count()
    except gi.repository.GLib.Error:
        return
    if name in prune:
        return
    yield node, role, name, path, inside_combo
    for i in range(count):
        child = node.get_child_at_index(i)
        if child is not None:
            yield from walk(child, path + ((role, name),), inside_combo or role == "combo box", prune)


def labelled_by_other(node):
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            return True
    return False


def describe(path, role, name):
    names = [n for _, n in path if n and not CLASS_NAME.match(n)][-3:]
    return " › ".join(names + [f"{role} “{name}”"])


# Pages that stay in the tree once built; audited once, then left out
# (the walk goes over D-Bus, one call per node).
PAGE_CLASSES = frozenset({"KzOverviewPage", "KzListPage", "KzTrashPage",
                          "KzFundingPage", "KzConflictsPage"})


def audit(app, where, problems, seen, prune=frozenset()):
    print(f"# {where}", flush=True)
    for node, role, name, path, inside_combo in walk(app, prune=prune):
        if role not in CONTROL_ROLES or inside_combo:
            continue
        # Rows of GTK's list views (drop-down popups, column views) get no
        # name from GTK 4.8 itself; their cells are labels that are read.
        if role == "list item" and path and path[-1][1] in ("GtkListView", "GtkColumnListView"):
            continue
        if (name.strip() == "" or CLASS_NAME.match(name)) and not labelled_by_other(node):
            text = f"{where}: unnamed {describe(path, role, name)}"
            if text not in seen:
                seen.add(text)
                problems.append(text)


def find_node(app, role, name, prune=frozenset()):
    for node, r, n, _, _ in walk(app, prune=prune):
        if r == role and n == name:
            return node
    return None


def sidebar_list(app):
    """The sidebar's list of pages."""
    for node, role, name, _, _ in walk(app):
        if role == "list" and name == "Pages" and node.get_child_count() >= len(PAGES):
            return node
    return None


def click(node):
    action = node.get_action_iface()
    if action is None:
        raise RuntimeError(f"{node.get_name()} has no action")
    action.do_action(0)


def main(app_path):
    if not os.environ.get("DISPLAY"):
        print("a11y-audit needs an X display: run it under xvfb-run", file=sys.stderr)
        return 1
    problems, seen = [], set()
    with tempfile.TemporaryDirectory(prefix="kz-a11y-") as tmp:
        db = os.path.join(tmp, "portfolio.db")
        env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_DATA_HOME=os.path.join(tmp, "data"), LANGUAGE="en", LC_ALL="C.UTF-8")
        env.pop("GTK_A11Y", None)
        subprocess.run([app_path, "--generate-demo", "40", "--database", db], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        proc, app = None, None
        # The shared virtual display now and then refuses a new client
        # for a moment; a window that never comes is tried again.
        for attempt in range(2):
            proc = subprocess.Popen([app_path, "--database", db], env=env)
            print(f"# app started as process {proc.pid} on display {env.get('DISPLAY')}", flush=True)
            # Generous: under AddressSanitizer the app takes a while.
            app = wait_for(lambda: proc.poll() is not None or find_app(proc.pid), timeout=90)
            if app is not None and app is not True:
                break
            print(f"# attempt {attempt + 1}: the app did not appear (exit status {proc.poll()})", flush=True)
            if proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=20)
            app = None
        try:
            if app is None:
                print("the app did not appear on the accessibility bus", file=sys.stderr)
                return 1
            sidebar = wait_for(lambda: sidebar_list(app))
            if sidebar is None:
                print("no sidebar list with the pages", file=sys.stderr)
                return 1
            selection = sidebar.get_selection_iface()  # noqa: the 2.46 API
            checked = 0
            for index, page in enumerate(PAGES):
                selection.select_child(index)
                if not sidebar.get_child_at_index(index).get_name():
                    problems.append(f"{page}: its sidebar row has no name")
                time.sleep(0.5)
            # Every page is built now and stays in the tree.
            audit(app, "all pages", problems, seen)
            checked += len(PAGES)

            new_button = None
            for page, new_name in NEW_RECORDS.items():
                selection.select_child(PAGES.index(page))
                time.sleep(0.5)
                if new_button is None:
                    new_button = find_node(app, "push button", new_name, prune=PAGE_CLASSES)
                if new_button is None or new_button.get_name() != new_name:
                    problems.append(f"{page}: no button “{new_name}” in the header bar")
                    continue
                click(new_button)
                time.sleep(0.8)
                audit(app, f"{page}, new record", problems, seen, prune=PAGE_CLASSES)
                checked += 1

            # The search bar with its filter button, and the global search.
            selection.select_child(PAGES.index("projects"))
            time.sleep(0.5)
            for role, name in (("push button", "Search and Filter the List"),
                               ("push button", "Search Everything")):
                node = find_node(app, role, name, prune=PAGE_CLASSES)
                if node is None:
                    problems.append(f"projects: no {role} “{name}”")
                    continue
                click(node)
                time.sleep(0.8)
                audit(app, f"projects, {name}", problems, seen, prune=PAGE_CLASSES - {"KzListPage"})
                checked += 1
            print(f"{checked} views audited, {len(problems)} problems")
        finally:
            proc.terminate()
            proc.wait(timeout=20)

    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
