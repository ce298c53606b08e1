"""Load benchmark: the production server under a bounded load, every public page type.

Starts gunicorn as deployed (production settings, `--workers 2`, Redis page cache) on
loopback, then drives it with wrk (Debian's `wrk` package) from a second process:
each public page type uncached (the request carries a session cookie, which the page
cache never serves) and from the cache (anonymous, after one warm-up request), plus
`/healthz` right after each page (the ratio's reference); then a soak of
`--soak-connections` connections against the home page, the project list and search,
counting errors and 5xx answers.
Prints one table (p50, p95, p99 in ms, requests per second, ratio to /healthz) and
writes it to docs/benchmarks.md with the date and the machine. Asserts nothing.

Needs a PostgreSQL database filled by bench/generate.py:

    DATABASE_URL=postgres://... REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python bench/load.py [--port 8101] [--duration 5] [--connections 4]
        [--soak 60] [--soak-connections 50] [--contacts]

`--contacts` also runs bench/contact_export.py (export and import figures) on an
empty PostgreSQL database of its own beside the given one (`<name>_contacts`, made
anew), since the generated contacts would double its 20,000, and adds its output to
the report.
"""

import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs" / "benchmarks.md"

# wrk's Lua hook prints what its summary leaves out (p95) in a form easy to parse.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT p50=%d p95=%d p99=%d requests=%d duration=%d errors=%d status=%d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration, errors, summary.errors.status))
end
"""

# (label, path); the slugs of one generated partner and project, and Enschede.
PAGES = [
    ("home", "/en/"),
    ("municipality list", "/en/municipalities/"),
    ("municipality page (Enschede)", "/en/municipalities/enschede/"),
    ("partner list", "/en/partners/"),
    ("partner page", "/en/partners/{partner}/"),
    ("district list", "/en/districts/"),
    ("district page", "/en/districts/{district}/"),
    ("project list", "/en/projects/"),
    ("project list, filtered", "/en/projects/?theme={theme}&status=running"),
    ("project list, text filter", "/de/projekte/?q=Wasser"),
    ("project list, page 50", "/en/projects/?page=50"),
    ("project page", "/en/projects/{project}/"),
    ("funding overview", "/en/projects/funding/"),
    ("map", "/en/map/"),
    ("search ?q=energy", "/en/search/?q=energy"),
    ("search ?q=Munster", "/en/search/?q=Munster"),
    ("about", "/en/about/"),
    ("project feed (Atom)", "/en/projects/feed/"),
    ("catalogue (DCAT, Turtle)", "/catalog.ttl"),
    ("sitemap index", "/sitemap.xml"),
    ("sitemap page (projects)", "/sitemap-projects.xml?p=2"),
]
# The whole open data of a list: one request at a time, timed to its last byte.
DOWNLOADS = [
    ("projects, CSV", "/en/projects/?format=csv"),
    ("projects, JSON", "/de/projekte/?format=json"),
    ("partners, CSV", "/en/partners/?format=csv"),
]
# A session cookie: the page cache neither serves nor stores such a request.
UNCACHED_COOKIE = "sessionid=benchmark-uncached"
SOAK_PAGES = ["/en/", "/en/projects/", "/en/search/?q=energy"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=5, help="seconds per page and mode")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--soak", type=int, default=60, help="seconds per soak page; 0 skips it")
    parser.add_argument("--soak-connections", type=int, default=50)
    parser.add_argument("--contacts", action="store_true", help="also run bench/contact_export.py")
    parser.add_argument("--report", type=Path, default=REPORT)
    return parser.parse_args()


def empty_database_beside(url, suffix):
    """The address of a new, empty database on the same PostgreSQL server."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_{suffix}"
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(parts._replace(path=f"/{name}"))


def server_env(port):
    env = dict(os.environ)
    if not env.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database filled by bench/generate.py.")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/1")
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-" + "x" * 50)
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SETTINGS_MODULE="twente.settings",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_LOG_LEVEL="WARNING",
    )
    return env


def slugs(env):
    """A generated partner, project, district and theme to request."""
    code = (
        "import django; django.setup();"
        "from partners.models import Partner; from projects.models import Project;"
        "from regions.models import InnovationDistrict, Theme;"
        "print(Partner.objects.published().filter(participations__isnull=False).order_by('slug').first().slug);"
        "print(Project.objects.published().order_by('slug').first().slug);"
        "print(InnovationDistrict.objects.published().order_by('slug').first().slug);"
        "print(Theme.objects.order_by('slug').first().slug)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split()
    return dict(zip(("partner", "project", "district", "theme"), output[-4:], strict=True))


def start_server(env, port, workers):
    # The German and Dutch addresses need the compiled catalogues (not in git).
    for catalogue in sorted(ROOT.glob("locale/*/LC_MESSAGES/*.po")):
        subprocess.run(
            [
                str(Path(sys.executable).with_name("pybabel")),
                "compile",
                "-i",
                str(catalogue),
                "-o",
                str(catalogue.with_suffix(".mo")),
            ],
            check=True,
            capture_output=True,
        )
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    # Through gunicorn.conf.py as deployed; its address names the pid file and socket.
    process = subprocess.Popen(
        [str(gunicorn), "twente.wsgi"],
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)},
        cwd=ROOT,
    )
    for _attempt in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)  # noqa: S310 (loopback)
            return process
        except OSError:  # not listening yet, or still starting under load
            time.sleep(0.2)
    process.terminate()
    sys.exit("gunicorn did not answer /healthz")


def flush_cache(env):
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.core.cache import cache; cache.clear()",
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )


def wrk(url, *, duration, connections, headers=()):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    command = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{duration}s"]
    command += ["--timeout", "10s", "-s", script.name]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    Path(script.name).unlink()
    values = dict(re.findall(r"(\w+)=(\d+)", output.split("RESULT", 1)[1]))
    values = {key: int(value) for key, value in values.items()}
    return {
        "p50": values["p50"] / 1000,
        "p95": values["p95"] / 1000,
        "p99": values["p99"] / 1000,
        "rps": values["requests"] / (values["duration"] / 1e6),
        "errors": values["errors"],
        "non_2xx": values["status"],
    }


def download_times(base, repeat=3):
    """Each download's median time to its last byte and its size (no page cache: a session)."""
    rows = []
    for label, path in DOWNLOADS:
        request = urllib.request.Request(base + path, headers={"Cookie": UNCACHED_COOKIE})  # noqa: S310
        times = []
        for _attempt in range(repeat):
            started = time.perf_counter()
            with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
                size = len(response.read())
            times.append(time.perf_counter() - started)
        rows.append(f"| {label} | `{path}` | {statistics.median(times):.2f} | {size / 1e6:.1f} |")
        print(f"download {label}: {statistics.median(times):.2f} s, {size / 1e6:.1f} MB", flush=True)
    return [f"| download | address | s (median of {repeat}) | MB |", "| --- | --- | ---: | ---: |", *rows]


def machine():
    cpu = platform.processor()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = re.findall(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = names[0] if names else cpu
    return f"{platform.node()}: {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}"


def format_table(rows, healthz_rps):
    lines = [
        "| page | mode | p50 ms | p95 ms | p99 ms | req/s | /healthz req/s | ratio to /healthz "
        "| errors / non-2xx |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, mode, result in rows:
        latency = f"{result['p50']:.1f} | {result['p95']:.1f} | {result['p99']:.1f}"
        reference = result.get("healthz_rps", healthz_rps)
        ratio = result["rps"] / reference
        failures = f"{result['errors']} / {result['non_2xx']}"
        throughput = f"{result['rps']:.0f} | {reference:.0f} | {ratio:.2f}"
        lines.append(f"| {label} | {mode} | {latency} | {throughput} | {failures} |")
    return "\n".join(lines)


def main():
    args = parse_args()
    load_before = os.getloadavg()[0]
    env = server_env(args.port)
    names = slugs(env)
    flush_cache(env)
    server = start_server(env, args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    rows = []
    try:
        load = {"duration": args.duration, "connections": args.connections}
        healthz = wrk(f"{base}/healthz", **load)
        rows.append(("/healthz", "-", healthz))
        print(f"/healthz: {healthz['rps']:.0f} req/s", flush=True)
        for label, path in PAGES:
            url = base + path.format(**names)
            session = [f"Cookie: {UNCACHED_COOKIE}"]
            # A second unmeasured first, so that a worker recycled by max_requests during
            # the fast runs before has compiled this page's templates again.
            wrk(url, headers=session, duration=1, connections=args.connections)
            uncached = wrk(url, headers=session, **load)
            try:
                urllib.request.urlopen(url, timeout=60).read()  # noqa: S310 (loopback): fills the cache
            except OSError as error:  # a page slower than the worker timeout: its row shows it
                print(f"{label}: the warm-up request failed ({error})", flush=True)
            cached = wrk(url, **load)
            # A virtual machine's speed drifts over a run (/healthz fell by a third between
            # the start and the end of one): each page is compared with /healthz measured
            # right after it, on the same server.
            beside = wrk(f"{base}/healthz", **load)["rps"]
            uncached["healthz_rps"] = cached["healthz_rps"] = beside
            rows += [(label, "uncached", uncached), (label, "cached", cached)]
            print(
                f"{label}: uncached p95 {uncached['p95']:.1f} ms, cached {cached['rps']:.0f} req/s, "
                f"/healthz beside it {beside:.0f} req/s",
                flush=True,
            )
        rows.append(("/healthz (again, after the pages)", "-", wrk(f"{base}/healthz", **load)))
        downloads = download_times(base)
        soak_rows = []
        if args.soak:
            for path in SOAK_PAGES:
                soak = {"duration": args.soak, "connections": args.soak_connections}
                soak_rows.append(
                    (path, f"{args.soak_connections} connections, {args.soak} s", wrk(base + path, **soak))
                )
                print(f"soak {path}: {soak_rows[-1][2]}", flush=True)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    contacts = ""
    if args.contacts and (ROOT / "bench" / "contact_export.py").exists():
        contacts = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "contact_export.py")],
            env={**env, "DATABASE_URL": empty_database_beside(env["DATABASE_URL"], "contacts")},
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
    healthz_rps = healthz["rps"]
    table = format_table(rows, healthz_rps)
    print(table)
    report = [
        "# Benchmarks",
        "",
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {machine()}",
        f"with `bench/load.py` (gunicorn, production settings, {args.workers} workers, Redis page cache,",
        f"PostgreSQL; wrk with {args.connections} connections, {args.duration} s per page and mode).",
        "Data: `bench/generate.py` defaults (10,000 projects, 2,000 partners, 20,000 contacts).",
        "Uncached requests carry a session cookie, which the page cache never serves; cached ones are",
        "anonymous. Each page's ratio is to `/healthz`'s throughput measured right after that page",
        "on the same server (the machine's speed drifts over a run; see the first and last rows).",
        f"Load average of the machine (other work included): {load_before:.1f} before, "
        f"{os.getloadavg()[0]:.1f} after; a row of zeros means no request finished within the run.",
        "",
        table,
    ]
    report += ["", "## Open data downloads (every row of a list)", "", *downloads]
    if soak_rows:
        report += ["", "## Soak", "", format_table(soak_rows, healthz_rps)]
    if contacts:
        report += [
            "",
            "## Contact export and import (bench/contact_export.py)",
            "",
            "```",
            contacts.strip(),
            "```",
        ]
    args.report.parent.mkdir(exist_ok=True)
    args.report.write_text("\n".join(report) + "\n")
    print(f"written to {args.report}")


if __name__ == "__main__":
    main()
