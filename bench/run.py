"""Watchtower benchmarks (issue 8): the real daemon, on loopback, against simple references. Not part of make test.

    make bench                          # the full run (about 10 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick          # small sizes, about 3 minutes
    .venv/bin/python bench/run.py --only latency,db
    .venv/bin/python bench/run.py --variants       # adds the backlog with [classifier] intra_op_threads = 1
    .venv/bin/python bench/run.py --only trust,queue1m --store postgresql://USER@127.0.0.1:5432/postgres

Prints one table and writes bench/results.json. See bench/README.md for what each figure means and how.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _dbscale import run_dbscale  # noqa: E402
from _latency import run_latency  # noqa: E402
from _queue1m import run_queue1m  # noqa: E402
from _scale import run_scale  # noqa: E402
from _throughput import run_backlog  # noqa: E402
from _trust import run_trust  # noqa: E402

SECTIONS = ("classifier", "throughput", "latency", "scale", "db", "trust", "queue1m")
#: the sections that take --store (the others always use SQLite)
STORE_SECTIONS = ("trust", "queue1m")

FULL: dict[str, Any] = {
    "classifier": {"n1": 100, "n32": 640},
    "throughput": {"feeds": 40, "per_feed": 500},
    "latency": {"rss_posts": 200, "fb_posts": 40, "webhook_posts": 100, "duration": 60.0},
    "scale": {"schools": 50, "per_school": 8, "interval": 60.0, "posts_per_source_hour": 4.0, "window": 60.0},
    "db": {"n": 1_000_000, "repeat": 5},
    # issue 16: 30 schools x 8 sources at the schema's default intervals; one full cycle of the slowest (600 s)
    "trust": {"schools": 30, "posts_per_source_hour": 2.0, "interval_scale": 1.0},
    "queue1m": {"n": 1_000_000, "schools": 30, "repeat": 50},
}
QUICK: dict[str, Any] = {
    "classifier": {"n1": 50, "n32": 320},
    "throughput": {"feeds": 8, "per_feed": 100},
    "latency": {"rss_posts": 40, "fb_posts": 10, "webhook_posts": 20, "duration": 20.0},
    "scale": {"schools": 10, "per_school": 8, "interval": 20.0, "posts_per_source_hour": 4.0, "window": 45.0},
    "db": {"n": 100_000, "repeat": 3},
    # intervals a fifth of the defaults (RSS 120 s, Facebook 60 s): a 120 s window, five times the polling
    "trust": {"schools": 30, "posts_per_source_hour": 2.0, "interval_scale": 0.2},
    "queue1m": {"n": 100_000, "schools": 30, "repeat": 15},
}


def machine() -> dict[str, Any]:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    return {"nproc": os.cpu_count(), "cpu": model, "ram_gb": round(mem_kb / 1024 / 1024, 1),
            "python": platform.python_version(), "load_at_start": os.getloadavg()}


def classifier_section(n1: int, n32: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mode in ("int8", "int8-model", "int8-model-1t", "torch-fp32"):
        done = subprocess.run(
            [sys.executable, str(HERE / "_clf_worker.py"), mode, str(n1), str(n32)],
            capture_output=True, text=True, check=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
        )
        out[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    return out


async def collect(sizes: dict[str, Any], only: set[str], *, variants: bool = False,
                  store: str | None = None) -> dict[str, Any]:
    res: dict[str, Any] = {}
    timings: dict[str, float] = {}
    loads: dict[str, dict[str, tuple[float, float, float]]] = {}  # the machine is shared: its load per section
    for name in SECTIONS:
        if name not in only:
            continue
        t = time.perf_counter()
        load0 = os.getloadavg()
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        s = sizes[name]
        if name == "classifier":
            res[name] = classifier_section(s["n1"], s["n32"])
        elif name == "throughput":
            res[name] = {"real": await run_backlog(classifier="real", **s)}
            if variants:
                one = {"intra_op_threads": 1}
                res[name]["real_1thread"] = await run_backlog(classifier="real", classifier_config=one, **s)
            res[name]["trivial"] = await run_backlog(classifier="trivial", **s)
        elif name == "latency":
            res[name] = await run_latency(**s)
        elif name == "scale":
            res[name] = await run_scale(**s)
        elif name == "db":
            res[name] = run_dbscale(**s)
        elif name == "trust":
            res[name] = await run_trust(**s, store=store)
        elif name == "queue1m":
            res[name] = await run_queue1m(**s, store=store)
        timings[name] = time.perf_counter() - t
        loads[name] = {"start": load0, "end": os.getloadavg()}
        print(f"bench: {name} done in {timings[name]:.0f} s", file=sys.stderr, flush=True)
    res["section_seconds"] = timings
    res["section_load"] = loads
    return res


# --- the table ----------------------------------------------------------------------------------------------------

Row = tuple[str, str, str, str, str]


def _ms(s: float | None) -> str:
    return "-" if s is None else f"{s * 1000:.0f} ms"


def _sec(s: float | None) -> str:
    return "-" if s is None else f"{s:.2f} s"


def _ok(cond: bool | None) -> str:
    return "-" if cond is None else ("met" if cond else "MISSED")


def table(r: dict[str, Any]) -> list[Row]:
    rows: list[Row] = []
    lat = r.get("latency")
    if lat:
        for key, label in (("rss", "RSS"), ("facebook", "Facebook Graph")):
            d = lat[key]
            ap, tot = d["after_poll"], d["total"]
            interval = lat["rss_interval"] if key == "rss" else lat["fb_interval"]
            rows.append((f"Latency {label}: poll that saw it -> SMTP accepted, median / p95 (n={ap.get('n', 0)})",
                         f"{_sec(ap.get('median'))} / {_sec(ap.get('p95'))}", "", "median < 2 s",
                         _ok(ap.get("median", 99) < 2)))
            rows.append((f"Latency {label}: posted -> SMTP accepted, median / p95 (poll every {interval:g} s)",
                         f"{_sec(tot.get('median'))} / {_sec(tot.get('p95'))}", "", "", "-"))
        w = lat["webhook"]
        n_hook = w["to_pipeline"].get("n", 0)
        rows.append((f"Latency Meta webhook: POST -> stored + handed to triage, median / p95 (n={n_hook})",
                     f"{_ms(w['to_pipeline'].get('median'))} / {_ms(w['to_pipeline'].get('p95'))}", "", "", "-"))
        rows.append((f"Latency Meta webhook: POST -> SMTP accepted, median / p95 (n={w['to_smtp'].get('n', 0)})",
                     f"{_sec(w['to_smtp'].get('median'))} / {_sec(w['to_smtp'].get('p95'))}", "", "median < 2 s",
                     _ok(w["to_smtp"].get("median", 99) < 2)))
    tp = r.get("throughput")
    if tp:
        real, triv = tp["real"], tp["trivial"]
        share = 1 - triv["seconds"] / real["seconds"] if real["seconds"] else None
        rows.append((f"Throughput, backlog {real['feeds']} feeds x {real['per_feed']} posts, whole pipeline",
                     f"{real['posts_per_s']:.0f} posts/s",
                     f"{triv['posts_per_s']:.0f} posts/s (trivial classifier)", ">= 200 posts/s",
                     _ok(real["posts_per_s"] >= 200)))
        if "real_1thread" in tp:
            one = tp["real_1thread"]
            rows.append(("Throughput, same backlog, config variant [classifier] intra_op_threads = 1",
                         f"{one['posts_per_s']:.0f} posts/s", "", ">= 200 posts/s", _ok(one["posts_per_s"] >= 200)))
        rows.append(("Throughput: classifier's share of backlog time (1 - trivial/real)",
                     "-" if share is None else f"{share * 100:.0f} %", "", "", "-"))
        rows.append(("Database size per 100,000 items (daemon-written, with classifications, audit, alerts)",
                     f"{real['db_bytes_per_100k_items'] / 1e6:.0f} MB", "", "", "-"))
    sc = r.get("scale")
    if sc:
        rows.append((f"CPU, {sc['schools']} schools x {sc['sources'] // sc['schools']} sources, poll every "
                     f"{sc['interval_seconds']:g} s, {sc['posts_per_source_hour']:g} posts/source/h "
                     f"({sc['window_seconds']:.0f} s window)",
                     f"{sc['cpu_percent_one_core']:.1f} % of one core", "", "< 10 %",
                     _ok(sc["cpu_percent_one_core"] < 10)))
    db = r.get("db")
    if db:
        a, b = db["as_shipped"], db["without_m003_indexes"]
        n = f"{db['items'] / 1e6:g}M" if db["items"] >= 1e6 else f"{db['items'] / 1e3:g}k"
        rows.append((f"Queue page query at {n} items (web._queries.queue, default view)", _ms(a["queue_default_s"]),
                     f"{_ms(b['queue_default_s'])} without m003 + m010 indexes", "< 100 ms",
                     _ok(a["queue_default_s"] < 0.1)))
        rows.append((f"Queue query at {n} items, 'Everything' view / text search",
                     f"{_ms(a['queue_everything_s'])} / {_ms(a['queue_search_s'])}",
                     f"{_ms(b['queue_everything_s'])} / {_ms(b['queue_search_s'])} without them", "", "-"))
        rows.append((f"Daily digest at {n} items (digest.build_digest)", _ms(a["digest_s"]),
                     f"{_ms(b['digest_s'])} without m003 + m010 indexes", "", "-"))
        rows.append((f"Database size per 100,000 items (generated {n}, items table only)",
                     f"{db['db_bytes_per_100k_items'] / 1e6:.0f} MB", "", "", "-"))
    tr = r.get("trust")
    if tr:
        cadence = ("default intervals" if tr["default_intervals"] else "intervals")
        polls = (f"{tr['rss_polls_in_window']} RSS + {tr['facebook_polls_in_window']} Graph polls")
        rows.append((f"CPU, trust of {tr['schools']} schools x {tr['sources'] // tr['schools']} sources on "
                     f"{tr['store']} ({cadence} RSS {tr['rss_interval_seconds']:g} s / Facebook "
                     f"{tr['facebook_interval_seconds']:g} s; {tr['window_seconds']:.0f} s window, {polls})",
                     f"{tr['cpu_percent_one_core']:.1f} % of one core",
                     f"daemon process {tr['cpu_percent_own']:.1f} % + its feed-parser children", "< 10 %",
                     _ok(tr["cpu_percent_one_core"] < 10)))
        rows.append(("Trust start-up burst: every source polled and its posts classified / polls failed then "
                     "(retried) / polls failed in the window",
                     f"{tr['settle_seconds']:.0f} s / {tr['failed_polls_before_window']} / "
                     f"{tr['failed_polls_in_window']}", "", "", "-"))
        rows.append((f"Trust: every post stored once, under its school ({tr['posts_served']} served, "
                     f"{tr['items_stored']} stored, {tr['duplicates']} twice, {tr['served_not_stored']} missing, "
                     f"{tr['wrong_school']} wrong school)", "yes" if tr["every_post_stored_once"] else "NO", "",
                     "all", _ok(tr["every_post_stored_once"])))
    qm = r.get("queue1m")
    if qm:
        n = f"{qm['items'] / 1e6:g}M" if qm["items"] >= 1e6 else f"{qm['items'] / 1e3:g}k"
        for label, pages in qm["http"].items():
            page = pages["queue"]
            ref = qm.get("without_m010", {}).get("http", {}).get(label, {}).get("queue")
            rows.append((f"Queue page over HTTP at {n} items / {qm['schools']} schools on {qm['store']}, {label}, "
                         f"median / p95 (n={page['n']})", f"{_ms(page['median_s'])} / {_ms(page['p95_s'])}",
                         f"{_ms(ref['median_s'])} / {_ms(ref['p95_s'])} without m010's indexes" if ref else "",
                         "< 100 ms", _ok(page["p95_s"] < 0.1)))
            others = {k: v for k, v in pages.items() if k != "queue"}
            rows.append((f"... {label}: " + ", ".join(others), " / ".join(_ms(v["median_s"]) for v in others.values()),
                         "", "", "-"))
    mem: list[tuple[str, float | None]] = []
    if lat:
        mem += [("idle (14 sources, after first polls)", lat["idle_rss_mb"]),
                (f"after soak ({lat['soak_seconds']:.0f} s latency run)", lat["soak_peak_rss_mb"])]
    if tp:
        mem.append((f"under the {tp['real']['posts']}-post backlog", tp["real"]["peak_rss_mb"]))
    if sc:
        mem.append((f"watching {sc['sources']} sources", sc["peak_rss_mb"]))
    if tr:
        mem.append((f"a trust of {tr['schools']} schools ({tr['sources']} sources)", tr["peak_rss_mb"]))
    for label, mb in mem:
        rows.append((f"Daemon peak RSS, {label}", "-" if mb is None else f"{mb:.0f} MB", "", "< 500 MB",
                     _ok(None if mb is None else mb < 500)))
    if lat:
        rows.append(("Start-up to ready: Daemon.start() / process exec -> ready",
                     f"{_sec(lat['startup_seconds'])} / {_sec(lat['process_start_to_ready'])}", "", "", "-"))
    clf = r.get("classifier")
    if clf:
        i8, m8, pt = clf["int8"], clf["int8-model"], clf["torch-fp32"]
        x1 = m8["items_per_s_batch1"] / pt["items_per_s_batch1"]
        x32 = m8["items_per_s_batch32"] / pt["items_per_s_batch32"]
        rows.append(("Classifier items/s, batch 1 (int8 classifier / int8 model only)",
                     f"{i8['items_per_s_batch1']:.0f} / {m8['items_per_s_batch1']:.0f}",
                     f"{pt['items_per_s_batch1']:.0f} (fp32 torch encoder); x{x1:.1f}",
                     "", "-"))
        rows.append(("Classifier items/s, batch 32 (int8 classifier / int8 model only)",
                     f"{i8['items_per_s_batch32']:.0f} / {m8['items_per_s_batch32']:.0f}",
                     f"{pt['items_per_s_batch32']:.0f} (fp32 torch encoder); x{x32:.1f}",
                     "", "-"))
        m1 = clf.get("int8-model-1t")
        if m1:
            rows.append(("Classifier items/s, int8 model only with intra_op_threads = 1, batch 1 / batch 32",
                         f"{m1['items_per_s_batch1']:.0f} / {m1['items_per_s_batch32']:.0f}", "", "", "-"))
        rows.append(("Classifier process peak RSS (int8 classifier / int8 model only)",
                     f"{i8['peak_rss_mb']:.0f} / {m8['peak_rss_mb']:.0f} MB", f"{pt['peak_rss_mb']:.0f} MB (torch)",
                     "< 500 MB", _ok(i8["peak_rss_mb"] < 500)))
    return rows


def render(rows: list[Row]) -> str:
    head: Row = ("Measure", "Watchtower", "Reference", "Target", "")
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (development; figures are indicative)")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections of {', '.join(SECTIONS)}")
    ap.add_argument("--variants", action="store_true",
                    help="also run the backlog with [classifier] intra_op_threads = 1 (adds a few minutes)")
    ap.add_argument("--store", default=None, metavar="postgresql://USER@HOST:PORT/DB",
                    help=f"run {', '.join(STORE_SECTIONS)} on this PostgreSQL server (each run makes, then drops, "
                    "a database of its own there); default: a SQLite file")
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    args = ap.parse_args()
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - set(SECTIONS)
    if unknown:
        ap.error(f"unknown sections: {', '.join(sorted(unknown))}")
    sizes = QUICK if args.quick else FULL
    started = time.perf_counter()
    at_start = machine()  # the load average before the benchmarks add to it
    results = asyncio.run(collect(sizes, only, variants=args.variants, store=args.store))
    if only != set(SECTIONS) and args.out.exists():
        # a partial run updates its sections in the previous results and keeps the others
        previous = json.loads(args.out.read_text(encoding="utf-8"))
        if previous.get("mode") == ("quick" if args.quick else "full"):
            timings = {**previous.get("section_seconds", {}), **results.pop("section_seconds")}
            loads = {**previous.get("section_load", {}), **results.pop("section_load")}
            results = {**{k: previous[k] for k in SECTIONS if k in previous}, **results, "section_seconds": timings,
                       "section_load": loads}
            results["partial_update"] = sorted(only)
    results.update({
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "sizes": {k: v for k, v in sizes.items() if k in only},
        "machine": at_start,
        "store": args.store or "sqlite",
        "load_at_end": os.getloadavg(),
        "total_seconds": time.perf_counter() - started,
    })
    rows = table(results)
    results["table"] = [dict(zip(("measure", "watchtower", "reference", "target", "result"), r, strict=True))
                        for r in rows]
    args.out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    m = results["machine"]
    print(f"\nWatchtower benchmarks ({results['mode']}, {results['when']}): {m['nproc']} x {m['cpu']}, "
          f"{m['ram_gb']} GB RAM; load average {m['load_at_start'][0]:.1f} at start, "
          f"{results['load_at_end'][0]:.1f} at end; {results['total_seconds']:.0f} s\n")
    print(render(rows))
    print(f"\nwritten: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
