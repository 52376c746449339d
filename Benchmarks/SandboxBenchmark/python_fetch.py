#!/usr/bin/env python3
"""Times the official Python client (waldur-api-client) fetching a whole order list with its own paging.

Run with the conformance venv's python (see Tests/Conformance/python-client.sh). The token comes from the
environment (BENCH_TOKEN), never the command line. Prints one line per repetition: `<seconds> <orders>`;
only the fetch is timed (imports and client construction are not).
Usage: python_fetch.py URL [--repeat N] [--field NAME ...] [--state STATE ...] [--default-paging]
--default-paging: page after page with the server's default page size (`sync_detailed(page=K)` until the Link header
has no next), as a script that calls the list endpoint without `page_size` does; otherwise `sync_all` (100 a page).
"""

import argparse
import os
import sys
import time

from waldur_api_client import AuthenticatedClient
from waldur_api_client.api.marketplace_orders import marketplace_orders_list
from waldur_api_client.models.order_details_field_enum import OrderDetailsFieldEnum
from waldur_api_client.models.order_state import OrderState
from waldur_api_client.types import UNSET


def fetch_default_paging(client, fields, states):
    """Every page at the server's default page size, parsed by the client, following the Link header's next."""
    orders = []
    page = 1
    while True:
        response = marketplace_orders_list.sync_detailed(client=client, field=fields, state=states, page=page)
        if response.status_code != 200 or response.parsed is None:
            raise SystemExit(f"page {page}: HTTP {response.status_code}")
        orders += response.parsed
        link = response.headers.get("link", "")
        if 'rel="next"' not in link:
            return orders
        page += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url", help="the sandbox's API root or its base URL")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--field", action="append", default=[])
    parser.add_argument("--state", action="append", default=[])
    parser.add_argument("--default-paging", action="store_true")
    args = parser.parse_args()
    token = os.environ.get("BENCH_TOKEN")
    if not token:
        parser.error("BENCH_TOKEN is not set")
    base = args.url.rstrip("/")
    if base.endswith("/api"):
        base = base[: -len("/api")]
    fields = [OrderDetailsFieldEnum(f) for f in args.field] or UNSET
    states = [OrderState(s) for s in args.state] or UNSET
    for _ in range(args.repeat):
        client = AuthenticatedClient(base_url=base, token=token)
        start = time.perf_counter()
        # sync_all: the client's own paging (page_size 100, following the Link header's next until there is none),
        # each page parsed into OrderDetails.
        if args.default_paging:
            orders = fetch_default_paging(client, fields, states)
        else:
            orders = marketplace_orders_list.sync_all(client=client, field=fields, state=states)
        seconds = time.perf_counter() - start
        print(f"{seconds:.6f} {len(orders)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
