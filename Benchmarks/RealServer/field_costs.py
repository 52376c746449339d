#!/usr/bin/env python3
"""What each list field of GET /api/marketplace-orders/ costs a real Waldur Mastermind: SQL queries, milliseconds
and bytes per page of 100 orders, as staff, with `field=` sets.

Runs inside the server's own Django (not over HTTP), so it sees every query: Django's CaptureQueriesContext around
django.test.Client requests that carry the staff token. Run it from the server's data directory with its venv:

    cd "$WALDUR_REAL_DIR" && LANG=C.UTF-8 venv/bin/python <repo>/Benchmarks/RealServer/field_costs.py [--repeat 3] [--pages 1]

The token comes from FIELD_COSTS_TOKEN (default: the seeded staff token of ../shared/real-waldur). Each set is asked
`repeat` times for each of `pages` different pages (page 2, 3, …, so the same 100 orders for every set); the table
gives medians over all requests. Prints Markdown: one row per set.
"""

import argparse
import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waldur_core.server.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

# The list fields of the app (Sources/Store/Model/ListFields.swift), in that order.
LIST_FIELDS = [
    "uuid", "state", "type", "offering_name", "offering_type", "offering_uuid", "plan_name",
    "project_name", "project_uuid", "customer_name", "customer_uuid", "provider_name", "provider_uuid",
    "resource_name", "cost", "created", "modified", "created_by_username", "created_by_full_name",
    "consumer_reviewed_by", "consumer_reviewed_by_username", "consumer_reviewed_by_full_name", "consumer_reviewed_at",
    "provider_reviewed_by", "provider_reviewed_by_username", "provider_reviewed_by_full_name", "provider_reviewed_at",
    "error_message", "backend_id",
]

# Sets the app sends, by name (None: no field= at all, the full order).
COMBINATIONS = [
    ("full order (no field=)", None),
    ("main: the list view's 29 fields", LIST_FIELDS),
    ("main: list --format tsv (8)", ["uuid", "state", "type", "offering_name", "project_name", "customer_name", "cost", "created"]),
    ("branch: the list view (built-in queues, staff)", [
        "uuid", "state", "type", "cost", "created", "modified", "error_message", "offering_type", "offering_name",
        "project_name", "customer_name", "resource_name", "created_by_username", "created_by_full_name",
    ]),
    ("branch: list --format json/ndjson default", [
        "uuid", "state", "type", "cost", "created", "modified", "consumer_reviewed_at", "provider_reviewed_at",
        "error_message", "backend_id", "offering_type", "offering_name", "offering_uuid",
        "project_name", "project_uuid", "customer_name", "customer_uuid",
    ]),
    ("the order's own columns (no related object)", [
        "uuid", "state", "type", "cost", "created", "modified", "consumer_reviewed_at", "provider_reviewed_at",
        "error_message", "backend_id",
    ]),
    ("offering_* together (name, type, uuid)", ["uuid", "offering_name", "offering_type", "offering_uuid"]),
    ("project_* together", ["uuid", "project_name", "project_uuid"]),
    ("customer_* together", ["uuid", "customer_name", "customer_uuid"]),
    ("project_* + customer_*", ["uuid", "project_name", "project_uuid", "customer_name", "customer_uuid"]),
    ("provider_* together", ["uuid", "provider_name", "provider_uuid"]),
    ("offering_* + provider_*", ["uuid", "offering_name", "offering_type", "offering_uuid", "provider_name", "provider_uuid"]),
]


def measure(client, fields, page, token):
    query = [("page", str(page)), ("page_size", "100")]
    if fields is not None:
        query += [("field", f) for f in fields]
    qs = "&".join(f"{k}={v}" for k, v in query)
    # The query log keeps at most 9,000 entries; a full log would make every later count 0.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(f"/api/marketplace-orders/?{qs}", HTTP_AUTHORIZATION=f"Token {token}")
        body = response.content
        ms = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"HTTP {response.status_code} for {qs}: {body[:200]!r}")
    return len(captured.captured_queries), ms, len(body), response.json()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=1)
    args = parser.parse_args()
    token = os.environ.get("FIELD_COSTS_TOKEN", "0000000000000000000000000000000000staff1")
    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = list(settings.ALLOWED_HOSTS) + ["testserver"]
    client = Client()
    rows = [("uuid (baseline)", ["uuid"])]
    rows += [(f"uuid + {f}", ["uuid", f]) for f in LIST_FIELDS if f != "uuid"]
    rows += COMBINATIONS
    measure(client, ["uuid"], 2, token)  # warm-up: imports, permission caches
    print(f"pages {', '.join(str(p) for p in range(2, 2 + args.pages))} of 100 orders, {args.repeat} times each; medians\n")
    print("| field set | SQL queries / page | ms / page | bytes / page | note |")
    print("|---|---:|---:|---:|---|")
    for name, fields in rows:
        queries, times, sizes = [], [], []
        absent = ""
        for page in range(2, 2 + args.pages):
            for _ in range(args.repeat):
                q, ms, size, data = measure(client, fields, page, token)
                queries.append(q)
                times.append(ms)
                sizes.append(size)
            asked = [f for f in fields or [] if f != "uuid"]
            # Unset reviewers are left out of an order, so a field counts as not served only if no order has it.
            if asked and data and not any(f in order for order in data for f in asked):
                absent = "not served by this server (ignored)"
        print(f"| {name} | {statistics.median(queries):.0f} | {statistics.median(times):.0f} | {statistics.median(sizes):.0f} | {absent} |",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
