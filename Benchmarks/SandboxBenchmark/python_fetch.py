#!/usr/bin/env python3
"""Times the official Python client (waldur-api-client) fetching a whole order list with its own paging.

Run with the conformance venv's python (see Tests/Conformance/python-client.sh). The token comes from the
environment (BENCH_TOKEN), never the command line. Prints one line per repetition: `<seconds> <orders>`;
only the fetch is timed (imports and client construction are not).
Usage: python_fetch.py URL [--repeat N] [--field NAME ...] [--state STATE ...]
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url", help="the sandbox's API root or its base URL")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--field", action="append", default=[])
    parser.add_argument("--state", action="append", default=[])
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
        orders = marketplace_orders_list.sync_all(client=client, field=fields, state=states)
        seconds = time.perf_counter() - start
        print(f"{seconds:.6f} {len(orders)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
