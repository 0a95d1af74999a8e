#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Kompetenz benchmarks.  Run through meson (`meson test -C _build
# --benchmark --verbose`), which passes the programs' paths in the
# environment; each area prints "| measure | value |" rows and appends
# them to results.md in the build folder.  Wall-clock figures are
# medians of several runs; the machine may be busy, so repeat before
# trusting a single figure.

import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

SIZES = [1000, 10000, 100000]
BENCH_DIR = os.environ["KZ_BENCH_DIR"]
APP = os.environ["KZ_BENCH_APP"]
LIST = os.environ["KZ_BENCH_LIST"]
RECORD_LIST = os.environ["KZ_BENCH_RECORD_LIST"]
CLI = os.environ.get("KZ_BENCH_CLI")
SERVER = os.environ.get("KZ_BENCH_SERVER")
SYNC = os.environ.get("KZ_BENCH_SYNC")
RESULTS = os.path.join(BENCH_DIR, "results.md")
REPEAT = int(os.environ.get("KZ_BENCH_REPEAT", "3"))


def portfolio(n):
    return os.path.join(BENCH_DIR, f"portfolio-{n}.db")


def report(area, name, value, unit=""):
    row = f"| {area} | {name} | {value}{(' ' + unit) if unit else ''} |"
    print(row, flush=True)
    with open(RESULTS, "a", encoding="utf-8") as out:
        out.write(row + "\n")


def timed(args, **kwargs):
    start = time.monotonic()
    done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kwargs)
    elapsed = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, done.stdout


def generate(n, force=False):
    path = portfolio(n)
    if os.path.exists(path) and not force:
        return None
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    # The default seed, as `kompetenz --generate-demo N` uses it.
    seconds, _ = timed([APP, "--database", path, "--generate-demo", str(n)])
    return seconds


def area_generate():
    for n in SIZES:
        seconds = generate(n, force=os.environ.get("KZ_BENCH_REGENERATE") == "1"
                           or not os.path.exists(portfolio(n)))
        if seconds is not None:
            report("generate", f"demo portfolio, {n:,} projects", f"{seconds:.1f}", "s")
        else:
            report("generate", f"demo portfolio, {n:,} projects", "kept from an earlier run")
        size = os.path.getsize(portfolio(n)) / 1e6
        report("generate", f"file size, {n:,} projects", f"{size:.0f}", "MB")


def first_frame(path):
    """Start to first painted frame, as the app itself reports it."""
    env = dict(os.environ, KOMPETENZ_TIMINGS="1")
    proc = subprocess.Popen([APP, "--database", path], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    value = None
    deadline = time.monotonic() + 120
    try:
        for line in proc.stdout:
            m = re.match(r"first-frame-ms: (\d+)", line)
            if m:
                value = int(m.group(1))
            m = re.match(r"first-frame-cpu-ms: (\d+)", line)
            if m:
                value = (value, int(m.group(1)))
                break
            if time.monotonic() > deadline:
                break
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return value


def run_list(path, program=LIST):
    _, out = timed([program, path], timeout=1800)
    values = {}
    for line in out.splitlines():
        key, _, value = line.partition(": ")
        values[key] = float(value)
    return values


def area_gui():
    for n in SIZES:
        generate(n)
        frames = [first_frame(portfolio(n)) for _ in range(REPEAT)]
        frames = [f for f in frames if isinstance(f, tuple)]
        if frames:
            report("gui", f"first frame (clock / processor), {n:,} projects",
                   f"{statistics.median(f[0] for f in frames)} / {statistics.median(f[1] for f in frames)}",
                   "ms")
        runs = [run_list(portfolio(n)) for _ in range(REPEAT if n == SIZES[-1] else 1)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        report("gui", f"project list loaded (clock / processor), {n:,}",
               f"{med['list-load-ms']:.0f} / {med['list-load-cpu-ms']:.0f}", "ms")
        report("gui", f"filter per keystroke: window blocked (median / max), {n:,}",
               f"{med['filter-keystroke-median-ms']:.1f} / {med['filter-keystroke-max-ms']:.1f}", "ms")
        report("gui", f"filter per keystroke: rows in place (median / max), {n:,}",
               f"{med['filter-complete-median-ms']:.1f} / {med['filter-complete-max-ms']:.1f}", "ms")
        report("gui", f"sort by a header (median / max), {n:,}",
               f"{med['sort-median-ms']:.0f} / {med['sort-max-ms']:.0f}", "ms")
        report("gui", f"global search (median / max), {n:,}",
               f"{med['search-median-ms']:.1f} / {med['search-max-ms']:.1f}", "ms")
        report("gui", f"scrolling: frames dropped, {n:,}",
               f"{med['scroll-frames-dropped']:.0f} of {med['scroll-frames'] + med['scroll-frames-dropped']:.0f}"
               f" ({med['scroll-dropped-percent']:.0f} %)")
        report("gui", f"resident memory: window / project list loaded / peak, {n:,}",
               f"{med['rss-window-kib'] / 1024:.0f} / {med['rss-loaded-kib'] / 1024:.0f}"
               f" / {med['rss-peak-kib'] / 1024:.0f}", "MiB")
        # The store-backed list model (KzRecordList), without a window.
        runs = [run_list(portfolio(n), RECORD_LIST) for _ in range(REPEAT if n == SIZES[-1] else 1)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        report("gui", f"store-backed list: query and first 50 rows, {n:,}",
               f"{med['rowlist-load-ms']:.0f}", "ms")
        report("gui", f"store-backed list: sort by a column (median / max), {n:,}",
               f"{med['rowlist-sort-median-ms']:.0f} / {med['rowlist-sort-max-ms']:.0f}", "ms")
        report("gui", f"store-backed list: search per keystroke (median / max), {n:,}",
               f"{med['rowlist-search-median-ms']:.1f} / {med['rowlist-search-max-ms']:.1f}", "ms")
        report("gui", f"store-backed list: 50 rows at a random place (median / max), {n:,}",
               f"{med['rowlist-jump-median-ms']:.1f} / {med['rowlist-jump-max-ms']:.1f}", "ms")
        report("gui", f"store-backed list: resident memory open / loaded / end, {n:,}",
               f"{med['rowlist-rss-open-kib'] / 1024:.0f} / {med['rowlist-rss-loaded-kib'] / 1024:.0f}"
               f" / {med['rowlist-rss-end-kib'] / 1024:.0f}", "MiB")


def cli(db, *args, env=None):
    return timed([CLI, "--database", db, *args], env=env)


def area_exchange():
    generate(10000)
    generate(1000)
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "organisations.csv")
        cli(portfolio(10000), "export", "organisations", csv)
        # 10 000 rows: the organisations of the portfolio, twice over
        # with fresh names, into an empty portfolio.
        with open(csv, encoding="utf-8") as f:
            lines = f.read().splitlines()
        header, rows = lines[0], lines[1:]
        big = os.path.join(tmp, "import.csv")
        with open(big, "w", encoding="utf-8") as f:
            f.write(header + "\n")
            for copy in range(2):
                for row in rows:
                    f.write((row if copy == 0 else "Zweig " + row) + "\n")
        times = []
        for i in range(REPEAT):
            db = os.path.join(tmp, f"import-{i}.db")
            seconds, out = cli(db, "import", "organisations", big)
            times.append(seconds)
        report("exchange", f"CSV import, {len(rows) * 2:,} rows", f"{statistics.median(times):.1f}", "s")

        times = []
        for i in range(REPEAT):
            seconds, _ = cli(portfolio(1000), "export", "report", os.path.join(tmp, "report.pdf"))
            times.append(seconds)
        report("exchange", "PDF report, 1,000 projects", f"{statistics.median(times):.1f}", "s")


class Server:
    def __init__(self, tmp):
        self.data = os.path.join(tmp, "server")
        subprocess.run([SERVER, "--data", self.data, "user", "add", "anna", "--role", "staff"],
                       input="bench-passwort\n", text=True, check=True,
                       stdout=subprocess.DEVNULL)
        self.proc = subprocess.Popen([SERVER, "--data", self.data, "--listen", "127.0.0.1:0"],
                                     stdout=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        self.url = re.search(r"(http://\S+?)/?$", line.strip()).group(1)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)

    def token(self):
        body = json.dumps({"user": "anna", "password": "bench-passwort"}).encode()
        req = urllib.request.Request(self.url + "/api/v1/login", data=body,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req) as answer:
            return json.load(answer)["token"]

    def cursor(self, token):
        req = urllib.request.Request(self.url + "/api/v1/status",
                                     headers={"Authorization": "Bearer " + token})
        with urllib.request.urlopen(req) as answer:
            return json.load(answer).get("cursor", 0)


def wrk(url, token, script, seconds=10):
    lua = os.path.join(os.path.dirname(os.path.abspath(__file__)), script)
    done = subprocess.run(["wrk", "-t", "2", "-c", "16", "-d", f"{seconds}s", "-s", lua,
                           url], env=dict(os.environ, KZ_TOKEN=token),
                          stdout=subprocess.PIPE, text=True, check=True)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    errors = 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", done.stdout)
    if m:
        errors += sum(int(x) for x in m.groups())
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", done.stdout)
    if m:
        errors += int(m.group(1))
    return rate, errors


def sync_in_process(server, db, tmp, n):
    """First sync (push and pull) and one-change rounds in one process."""
    pulled = os.path.join(tmp, "pulled.db")
    rounds = os.environ.get("KZ_BENCH_SYNC_ROUNDS", "20")
    _, out = timed([SYNC, server.url, "anna", "bench-passwort", db, pulled, rounds],
                   timeout=7200)
    v = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    report("sync", f"first sync, push, {n:,}-project portfolio ({int(v['first-push-changes']):,} changes)",
           v["first-push-s"], "s")
    report("sync", f"first sync, pull into an empty portfolio ({int(v['first-pull-records']):,} records and links)",
           v["first-pull-s"], "s")
    report("sync", f"one change, in process: edit + sync until acknowledged, median / max of {rounds}",
           f"{v['one-change-push-median-ms']} / {v['one-change-push-max-ms']}", "ms")
    report("sync", f"one change, in process: second client pulls it, median / max of {rounds}",
           f"{v['one-change-pull-median-ms']} / {v['one-change-pull-max-ms']}", "ms")


def area_sync():
    if CLI is None or SERVER is None or SYNC is None:
        print("sync benchmarks need -Dserver=true")
        return
    # 10 600 projects: about 100 000 records and links.
    n = int(os.environ.get("KZ_BENCH_SYNC_SIZE", "10600"))
    generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(tmp)
        try:
            db = os.path.join(tmp, "portfolio.db")
            subprocess.run(["cp", portfolio(n), db], check=True)
            sync_in_process(server, db, tmp, n)

            password = os.path.join(tmp, "password")
            token_file = os.path.join(tmp, "token")
            with open(password, "w") as f:
                f.write("bench-passwort\n")
            env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(tmp, "config"))
            cli(db, "login", server.url, "anna", "--password-file", password,
                "--token-file", token_file, env=env)

            _, out = cli(db, "list", "project", "--json", env=env)
            uuid = json.loads(out)[0]["id"]
            times = []
            for i in range(5):
                cli(db, "set", "project", uuid, f"title=Runde {i}", env=env)
                seconds, _ = cli(db, "sync", "--token-file", token_file, env=env)
                times.append(seconds * 1000)
            report("sync", "one change: set + sync (CLI process included)",
                   f"{statistics.median(times):.0f}", "ms")

            token = server.token()
            cursor = server.cursor(token)
            rate, errors = wrk(f"{server.url}/api/v1/changes?since={cursor}&limit=500", token,
                               "wrk-pull.lua")
            report("sync", "server: pulls without changes, 16 connections",
                   f"{rate:,.0f} /s, {errors} errors")
            rate, errors = wrk(f"{server.url}/api/v1/changes", token, "wrk-push.lua")
            report("sync", "server: pushes of 10 changes, 16 connections",
                   f"{rate:,.0f} /s, {errors} errors")
        finally:
            server.stop()


AREAS = {"generate": area_generate, "gui": area_gui, "exchange": area_exchange,
         "sync": area_sync}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in AREAS:
        sys.exit("usage: run-bench.py " + "|".join(AREAS))
    AREAS[sys.argv[1]]()
